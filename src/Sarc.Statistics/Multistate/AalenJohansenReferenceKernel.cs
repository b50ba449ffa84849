namespace Sarc.Statistics.Multistate;

/// <summary>
/// The plain Aalen-Johansen kernel, the test oracle for <see cref="AalenJohansenKernel"/>: a line-by-line port of
/// survival's survfitci that keeps every subject's influence vector and updates all of them at every event time,
/// O(event times x subjects x states). Same inputs, preconditions and outputs as <see cref="AalenJohansenKernel.Fit"/>.
/// </summary>
internal static class AalenJohansenReferenceKernel
{
    // Kernel (a port of survival's survfitci, unit weights, initial influence 0).
    // Inputs: rows (start, stop] of subject id with the state entered at stop (-1 censored); every subject starts in
    //   state 0; paths checked (no overlap). No sort precondition: rows are ordered here by start and by stop.
    // Outputs per distinct stop time: p (the Aalen-Johansen product of transition matrices H), the robust standard
    //   error sqrt(sum over subjects of U_i^2), where U_i is subject i's influence on p, updated at each event
    //   time as U = U H + (dH term for subjects at risk), and the counts at risk.
    public static AalenJohansenResult Fit(int[] id, double[] entry, double[] etime, int[] status, int ns, int nperson)
    {
        var n = id.Length;
        var sort1 = AalenJohansenKernel.Order(entry);
        var sort2 = AalenJohansenKernel.Order(etime);
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
                AalenJohansenKernel.TransitionMatrix(hmat, count, ns);
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
        var subjects = AalenJohansenKernel.DistinctSubjects(id, nperson);
        return new AalenJohansenResult(ns, [.. times], pmat, vmat, nrisk, transitions, subjects);
    }
}
