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
        return AalenJohansenKernel.Fit(subject.ToArray(), start.ToArray(), stop.ToArray(), toState.ToArray(), stateCount, subjectCount);
    }

    private static int[] PathOrder(ReadOnlySpan<int> subject, ReadOnlySpan<double> start)
    {
        var order = new int[subject.Length];
        var sorted = true;
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            sorted &= i == 0 || subject[i - 1] < subject[i] || (subject[i - 1] == subject[i] && start[i] >= start[i - 1]);
        }
        // Exports list each patient's rows together and in time order: then the identity is the order (ties keep
        // their row order, as the comparison below does), and no sort is needed.
        if (sorted)
        {
            return order;
        }
        var s = subject.ToArray();
        var t = start.ToArray();
        Array.Sort(order, (a, b) => s[a] != s[b] ? s[a].CompareTo(s[b]) : t[a] != t[b] ? t[a].CompareTo(t[b]) : a.CompareTo(b));
        return order;
    }

    private static string Show(double value) => value.ToString("G15", System.Globalization.CultureInfo.InvariantCulture);
}
