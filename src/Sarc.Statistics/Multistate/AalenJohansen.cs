namespace Sarc.Statistics.Multistate;

/// <summary>
/// Aalen-Johansen estimator of state occupancy probabilities for (start, stop] interval data of subjects moving
/// between states, with the infinitesimal-jackknife (robust, by subject) standard error, as R
/// <c>survfit(Surv(start, stop, event) ~ 1, id = id)</c> with a factor event (survival's C routine survfitci).
/// Every subject starts in state 0. The formulas are in docs/methods/competing-risks.md.
/// </summary>
public sealed class AalenJohansen
{
    /// <summary>Marks a censored row (no transition at its stop time) in <see cref="MultistateData.ToState"/>.</summary>
    public const int Censored = -1;

    /// <summary>
    /// Checks that each subject's rows form one path: intervals with start &lt; stop that follow each other without
    /// gap or overlap, and no row after a transition into one of the <see cref="MultistateData.Absorbing"/> states.
    /// </summary>
    /// <returns>Every problem found, in row order of the sorted paths (empty when the data can be fitted).</returns>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public IReadOnlyList<IntervalProblem> Check(MultistateData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Paths(data.Subject, data.Start, data.Stop, data.ToState, data.Absorbing);
    }

    private static IReadOnlyList<IntervalProblem> Paths(
        ReadOnlySpan<int> subject, ReadOnlySpan<double> start, ReadOnlySpan<double> stop, ReadOnlySpan<int> toState,
        ReadOnlySpan<bool> absorbing)
    {
        var n = subject.Length;
        Preconditions.SameLength(n, start.Length, nameof(start));
        Preconditions.SameLength(n, stop.Length, nameof(stop));
        Preconditions.SameLength(n, toState.Length, nameof(toState));
        var order = PathOrder(subject, start);
        var problems = new List<IntervalProblem>();
        for (var r = 0; r < n; r++)
        {
            var i = order[r];
            if (!(start[i] < stop[i]))
            {
                problems.Add(new IntervalProblem(i, subject[i], $"interval ({Show(start[i])}, {Show(stop[i])}] must have start < stop"));
            }
            if (r == 0 || subject[order[r - 1]] != subject[i])
            {
                continue;
            }
            var previous = order[r - 1];
            if (start[i] < stop[previous])
            {
                problems.Add(new IntervalProblem(i, subject[i], $"interval ({Show(start[i])}, {Show(stop[i])}] overlaps the previous interval ending at {Show(stop[previous])}"));
            }
            else if (start[i] > stop[previous])
            {
                problems.Add(new IntervalProblem(i, subject[i], $"gap between the interval ending at {Show(stop[previous])} and the next starting at {Show(start[i])}"));
            }
            var from = toState[previous];
            if (from >= 0 && from < absorbing.Length && absorbing[from])
            {
                problems.Add(new IntervalProblem(i, subject[i], $"a row after the transition into absorbing state {from} at {Show(stop[previous])}", from, stop[previous]));
            }
        }
        return problems;
    }

    /// <summary>Estimates the state occupancy probabilities (absorbing states are not enforced here; see <see cref="Check"/>).</summary>
    /// <exception cref="ArgumentException">Lengths differ, codes are out of range, or <see cref="Check"/> finds a problem other than an absorbing state (a programmer error: check first).</exception>
    public AalenJohansenResult Fit(MultistateData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        ReadOnlySpan<int> subject = data.Subject;
        ReadOnlySpan<double> start = data.Start;
        ReadOnlySpan<double> stop = data.Stop;
        ReadOnlySpan<int> toState = data.ToState;
        var (stateCount, subjectCount) = (data.StateCount, data.SubjectCount);
        var n = subject.Length;
        var problems = Paths(subject, start, stop, toState, default);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Row {problems[0].Row}: {problems[0].Message}.", nameof(start));
        }
        for (var i = 0; i < n; i++)
        {
            if ((uint)subject[i] >= (uint)subjectCount)
            {
                throw new ArgumentException($"subject[{i}] must be in [0, {subjectCount}), found {subject[i]}.", nameof(subject));
            }
            if (toState[i] < Censored || toState[i] >= stateCount)
            {
                throw new ArgumentException($"toState[{i}] must be -1 or in [0, {stateCount}), found {toState[i]}.", nameof(toState));
            }
        }
        return Kernel(subject.ToArray(), start.ToArray(), stop.ToArray(), toState.ToArray(), stateCount, subjectCount);
    }

    // Kernel (a port of survival's survfitci, unit weights, initial influence 0).
    // Inputs: rows (start, stop] of subject id with the state entered at stop (-1 censored); every subject starts in
    //   state 0; paths checked (no overlap). No sort precondition: rows are ordered here by start and by stop.
    // Outputs per distinct stop time: p (the Aalen-Johansen product of transition matrices H), the robust standard
    //   error sqrt(sum over subjects of U_i^2), where U_i is subject i's influence on p, updated at each event
    //   time as U = U H + (dH term for subjects at risk), and the counts at risk.
    private static AalenJohansenResult Kernel(int[] id, double[] entry, double[] etime, int[] status, int ns, int nperson)
    {
        var n = id.Length;
        var sort1 = Order(entry);
        var sort2 = Order(etime);
        var times = new List<double>();
        for (var i = 0; i < n; i++)
        {
            var t = etime[sort2[i]];
            if (times.Count == 0 || times[^1] != t)
            {
                times.Add(t);
            }
        }
        var ntime = times.Count;
        var pmat = new double[ntime * ns];
        var vmat = new double[ntime * ns];
        var nrisk = new int[ntime * ns];
        var transitions = new int[ns * ns];
        var cstate = new int[nperson];
        var dstate = new int[nperson];
        var atrisk = new bool[nperson];
        var umat = new double[nperson * ns];
        var count = new int[ns];
        var ws = new double[ns];
        var hmat = new double[ns * ns];
        var temp2 = new double[ns];
        var movedStates = new int[ns];
        var delta = new double[ns];
        var squares = new double[ns];
        var p = new double[ns];
        p[0] = 1;

        var itime = 0;
        var eptr = 0;
        for (var i = 0; i < n;)
        {
            var ctime = etime[sort2[i]];
            for (; eptr < n; eptr++)
            {
                var k = sort1[eptr];
                if (!(entry[k] < ctime))
                {
                    break;
                }
                var state = cstate[id[k]];
                count[state]++;
                ws[state] += 1;
                atrisk[id[k]] = true;
            }
            Array.Clear(hmat);
            var events = 0;
            for (var j = i; j < n; j++)
            {
                var k = sort2[j];
                if (etime[k] != ctime)
                {
                    break;
                }
                if (status[k] >= 0)
                {
                    var oldState = cstate[id[k]];
                    var newState = status[k];
                    if (oldState != newState)
                    {
                        // A "move" into the same state is not a transition, as in R.
                        dstate[id[k]] = newState;
                        events++;
                        hmat[oldState * ns + newState] += 1;
                        transitions[oldState * ns + newState]++;
                    }
                }
            }
            if (events > 0)
            {
                for (var j = 0; j < ns; j++)
                {
                    if (count[j] > 0)
                    {
                        double total = 0;
                        for (var k = 0; k < ns; k++)
                        {
                            total += hmat[j * ns + k];
                            hmat[j * ns + k] /= ws[j];
                        }
                        hmat[j * ns + j] = 1 - total / ws[j];
                    }
                    else
                    {
                        hmat[j * ns + j] = 1;
                    }
                }
                // U = U H, then the dH term: each subject's influence on this step's hazard estimate.
                // H differs from the identity only in the rows of states that someone left, so U H = U + U (H - I)
                // touches those rows only, and a subject at risk in a state nobody left gets no dH term.
                var movedCount = 0;
                for (var j = 0; j < ns; j++)
                {
                    if (hmat[j * ns + j] != 1)
                    {
                        movedStates[movedCount++] = j;
                    }
                }
                var moved = movedStates.AsSpan(0, movedCount);
                for (var person = 0; person < nperson; person++)
                {
                    var row = umat.AsSpan(person * ns, ns);
                    Array.Clear(delta);
                    var any = false;
                    foreach (var j in moved)
                    {
                        var uj = row[j];
                        if (uj == 0)
                        {
                            continue;
                        }
                        any = true;
                        var h = hmat.AsSpan(j * ns, ns);
                        for (var k = 0; k < ns; k++)
                        {
                            delta[k] += uj * h[k];
                        }
                        delta[j] -= uj;
                    }
                    if (any)
                    {
                        for (var k = 0; k < ns; k++)
                        {
                            row[k] += delta[k];
                        }
                    }
                }
                for (var person = 0; person < nperson; person++)
                {
                    if (!atrisk[person])
                    {
                        continue;
                    }
                    var oldState = cstate[person];
                    if (hmat[oldState * ns + oldState] == 1)
                    {
                        continue;
                    }
                    var share = p[oldState] / ws[oldState];
                    var row = umat.AsSpan(person * ns, ns);
                    var h = hmat.AsSpan(oldState * ns, ns);
                    for (var k = 0; k < ns; k++)
                    {
                        row[k] -= h[k] * share;
                    }
                    row[dstate[person]] += share;
                }
                for (var j = 0; j < ns; j++)
                {
                    double sum = 0;
                    for (var k = 0; k < ns; k++)
                    {
                        sum += p[k] * hmat[k * ns + j];
                    }
                    temp2[j] = sum;
                }
                Array.Copy(temp2, p, ns);
            }
            for (var j = 0; j < ns; j++)
            {
                pmat[itime * ns + j] = p[j];
                nrisk[itime * ns + j] = count[j];
            }
            // U changes only at event times: elsewhere the standard errors are those of the previous time.
            if (events > 0)
            {
                Array.Clear(squares);
                for (var person = 0; person < nperson; person++)
                {
                    var row = umat.AsSpan(person * ns, ns);
                    for (var j = 0; j < ns; j++)
                    {
                        squares[j] += row[j] * row[j];
                    }
                }
                for (var j = 0; j < ns; j++)
                {
                    vmat[itime * ns + j] = Math.Sqrt(squares[j]);
                }
            }
            else if (itime > 0)
            {
                Array.Copy(vmat, (itime - 1) * ns, vmat, itime * ns, ns);
            }
            for (; i < n; i++)
            {
                var j = sort2[i];
                if (etime[j] != ctime)
                {
                    break;
                }
                var oldState = cstate[id[j]];
                count[oldState]--;
                ws[oldState] -= 1;
                if (status[j] >= 0)
                {
                    cstate[id[j]] = status[j];
                }
                dstate[id[j]] = cstate[id[j]];
                atrisk[id[j]] = false;
            }
            itime++;
        }
        var subjects = 0;
        var seen = new bool[nperson];
        foreach (var s in id)
        {
            if (!seen[s])
            {
                seen[s] = true;
                subjects++;
            }
        }
        return new AalenJohansenResult(ns, [.. times], pmat, vmat, nrisk, transitions, subjects);
    }

    private static int[] Order(double[] keys)
    {
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var copy = (double[])keys.Clone();
        Array.Sort(copy, order);
        return order;
    }

    private static int[] PathOrder(ReadOnlySpan<int> subject, ReadOnlySpan<double> start)
    {
        var order = new int[subject.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var s = subject.ToArray();
        var t = start.ToArray();
        Array.Sort(order, (a, b) => s[a] != s[b] ? s[a].CompareTo(s[b]) : t[a] != t[b] ? t[a].CompareTo(t[b]) : a.CompareTo(b));
        return order;
    }

    private static string Show(double value) => value.ToString("G15", System.Globalization.CultureInfo.InvariantCulture);
}
