using System.Runtime.CompilerServices;

namespace Sarc.Statistics.Multistate;

/// <summary>
/// The Aalen-Johansen kernel: survival's survfitci (unit weights, initial influence 0) with the influence-function
/// variance accumulated instead of recomputed, O(rows × log(event times) × states² + event times × states³) in all.
/// The algorithm, and why it equals R's sum over subjects, is in docs/methods/multistate.md.
/// </summary>
/// <remarks>
/// Inputs: rows (entry, etime] of subject <c>id</c> (0..nperson-1) with the state entered at etime in
/// <c>status</c> (-1 censored, otherwise 0..ns-1); every subject starts in state 0; each subject's rows form one
/// path without overlap (<see cref="AalenJohansen.Check"/>). No sort precondition. Outputs per distinct etime: the
/// occupancy p, the robust standard error sqrt(diag V) where V = Σ_i U_iᵀU_i is the sum over subjects of the outer
/// products of their influence on p, and the numbers at risk, exactly as <see cref="AalenJohansenReferenceKernel"/>.
/// State kept: V (states × states); for each state j, G_j (the influence a subject at risk in j throughout has
/// collected, carried forward) and S_j (the sum over subjects at risk in j of their residual U_i − G_j); for each
/// subject only its residual, as of the event time it was last touched, brought forward by
/// <see cref="TransitionProducts"/> when the subject enters or leaves a risk set.
/// </remarks>
internal static class AalenJohansenKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static AalenJohansenResult Fit(int[] id, double[] entry, double[] etime, int[] status, int ns, int nperson)
    {
        var n = id.Length;
        var sort1 = Order(entry);
        var sort2 = Order(etime);
        var ntime = 0;
        for (var i = 0; i < n; i++)
        {
            if (i == 0 || etime[sort2[i]] != etime[sort2[i - 1]])
            {
                ntime++;
            }
        }
        var times = new double[ntime];
        var pmat = new double[ntime * ns];
        var vmat = new double[ntime * ns];
        var nrisk = new int[ntime * ns];
        var transitions = new int[ns * ns];
        var squared = ns * ns;

        var products = new TransitionProducts(ns);
        var residual = new double[nperson * ns];
        var residualAt = new int[nperson];
        var cstate = new int[nperson];
        var count = new int[ns];
        var p = new double[ns];
        p[0] = 1;
        var g = new double[squared];
        var s = new double[squared];
        var v = new double[squared];
        var h = new double[squared];
        var c = new double[squared];
        var x = new double[squared];
        var work = new double[squared];
        var vh = new double[squared];
        var movedStates = new int[ns];
        var movers = new int[ns];
        var share = new double[ns];
        var row = new double[ns];
        var before = new double[16 * ns];
        var influence = new double[16 * ns];
        var from = new int[16];
        var to = new int[16];

        var itime = 0;
        var eptr = 0;
        for (var i = 0; i < n;)
        {
            var ctime = etime[sort2[i]];
            var matrices = products.Count;
            // Entries: a subject joins the risk set of its current state with residual U_i − G_j.
            for (; eptr < n; eptr++)
            {
                var k = sort1[eptr];
                if (!(entry[k] < ctime))
                {
                    break;
                }
                var person = id[k];
                var state = cstate[person];
                count[state]++;
                var r = residual.AsSpan(person * ns, ns);
                products.Apply(r, residualAt[person], matrices);
                residualAt[person] = matrices;
                for (var m = 0; m < ns; m++)
                {
                    r[m] -= g[state * ns + m];
                    s[state * ns + m] += r[m];
                }
            }
            // The rows that end now: their residual and influence just before this time, and who moves where.
            var end = i;
            while (end < n && etime[sort2[end]] == ctime)
            {
                end++;
            }
            var exits = end - i;
            if (exits > from.Length)
            {
                var size = Math.Max(exits, from.Length * 2);
                before = new double[size * ns];
                influence = new double[size * ns];
                from = new int[size];
                to = new int[size];
            }
            Array.Clear(h);
            Array.Clear(movers);
            var events = 0;
            for (var e = 0; e < exits; e++)
            {
                var k = sort2[i + e];
                var person = id[k];
                var state = cstate[person];
                var r = residual.AsSpan(person * ns, ns);
                products.Apply(r, residualAt[person], matrices);
                residualAt[person] = matrices;
                r.CopyTo(before.AsSpan(e * ns, ns));
                for (var m = 0; m < ns; m++)
                {
                    influence[e * ns + m] = r[m] + g[state * ns + m];
                }
                from[e] = state;
                to[e] = state;
                if (status[k] >= 0 && status[k] != state)
                {
                    // A "move" into the same state is not a transition, as in R.
                    to[e] = status[k];
                    events++;
                    movers[state]++;
                    h[state * ns + status[k]] += 1;
                    transitions[state * ns + status[k]]++;
                }
            }
            var movedCount = 0;
            if (events > 0)
            {
                TransitionMatrix(h, count, ns);
                for (var j = 0; j < ns; j++)
                {
                    if (h[j * ns + j] != 1)
                    {
                        movedStates[movedCount++] = j;
                    }
                }
                // c_j = (p_j / n_j)(e_j − H_j): the influence gained now by a subject in j that does not move.
                Array.Clear(c);
                Array.Clear(x);
                Array.Clear(work);
                for (var q = 0; q < movedCount; q++)
                {
                    var j = movedStates[q];
                    share[j] = p[j] / count[j];
                    for (var m = 0; m < ns; m++)
                    {
                        c[j * ns + m] = -share[j] * h[j * ns + m];
                    }
                    c[j * ns + j] += share[j];
                    // X += A_jᵀ c_j with A_j = S_j + n_j G_j the summed influence of the risk set of j; and the
                    // non-movers' DᵀD = c_jᵀ c_j each (work holds ΣDᵀD).
                    var stayers = count[j] - movers[j];
                    for (var a = 0; a < ns; a++)
                    {
                        var sum = s[j * ns + a] + count[j] * g[j * ns + a];
                        var cja = c[j * ns + a];
                        for (var m = 0; m < ns; m++)
                        {
                            x[a * ns + m] += sum * c[j * ns + m];
                            work[a * ns + m] += stayers * cja * c[j * ns + m];
                        }
                    }
                }
                // Movers: D_i = c_j + (p_j / n_j)(e_k − e_j), so X gains (p_j / n_j) U_iᵀ(e_k − e_j), and D_iᵀD_i.
                for (var e = 0; e < exits; e++)
                {
                    if (to[e] == from[e])
                    {
                        continue;
                    }
                    var j = from[e];
                    var u = influence.AsSpan(e * ns, ns);
                    for (var a = 0; a < ns; a++)
                    {
                        x[a * ns + to[e]] += share[j] * u[a];
                        x[a * ns + j] -= share[j] * u[a];
                    }
                    c.AsSpan(j * ns, ns).CopyTo(row);
                    row[to[e]] += share[j];
                    row[j] -= share[j];
                    for (var a = 0; a < ns; a++)
                    {
                        for (var m = 0; m < ns; m++)
                        {
                            work[a * ns + m] += row[a] * row[m];
                        }
                    }
                }
                // V ← Hᵀ (V H + X) + Xᵀ H + Σ DᵀD.
                TransitionProducts.Multiply(v, h, vh, ns);
                for (var a = 0; a < squared; a++)
                {
                    vh[a] += x[a];
                }
                for (var a = 0; a < ns; a++)
                {
                    for (var b = 0; b < ns; b++)
                    {
                        double sum = work[a * ns + b];
                        for (var m = 0; m < ns; m++)
                        {
                            sum += h[m * ns + a] * vh[m * ns + b] + x[m * ns + a] * h[m * ns + b];
                        }
                        v[a * ns + b] = sum;
                    }
                }
                // The leavers' residuals leave S; then S ← S H, G ← G H + c, p ← p H.
                for (var e = 0; e < exits; e++)
                {
                    for (var m = 0; m < ns; m++)
                    {
                        s[from[e] * ns + m] -= before[e * ns + m];
                    }
                }
                var moved = movedStates.AsSpan(0, movedCount);
                products.Append(moved, h);
                for (var j = 0; j < ns; j++)
                {
                    products.Apply(s.AsSpan(j * ns, ns), matrices, matrices + 1);
                    products.Apply(g.AsSpan(j * ns, ns), matrices, matrices + 1);
                }
                for (var a = 0; a < squared; a++)
                {
                    g[a] += c[a];
                }
                products.Apply(p, matrices, matrices + 1);
                // The leavers' influence after this time, U_i H + D_i, is their residual from now on (not at risk).
                for (var e = 0; e < exits; e++)
                {
                    var person = id[sort2[i + e]];
                    var r = residual.AsSpan(person * ns, ns);
                    influence.AsSpan(e * ns, ns).CopyTo(r);
                    products.Apply(r, matrices, matrices + 1);
                    var j = from[e];
                    for (var m = 0; m < ns; m++)
                    {
                        r[m] += c[j * ns + m];
                    }
                    if (to[e] != j)
                    {
                        r[to[e]] += share[j];
                        r[j] -= share[j];
                    }
                    residualAt[person] = matrices + 1;
                }
            }
            else
            {
                for (var e = 0; e < exits; e++)
                {
                    var person = id[sort2[i + e]];
                    for (var m = 0; m < ns; m++)
                    {
                        s[from[e] * ns + m] -= before[e * ns + m];
                    }
                    influence.AsSpan(e * ns, ns).CopyTo(residual.AsSpan(person * ns, ns));
                }
            }
            times[itime] = ctime;
            for (var j = 0; j < ns; j++)
            {
                pmat[itime * ns + j] = p[j];
                nrisk[itime * ns + j] = count[j];
                vmat[itime * ns + j] = Math.Sqrt(Math.Max(0, v[j * ns + j]));
            }
            for (; i < end; i++)
            {
                var k = sort2[i];
                var person = id[k];
                count[cstate[person]]--;
                if (status[k] >= 0)
                {
                    cstate[person] = status[k];
                }
            }
            itime++;
        }
        var subjects = DistinctSubjects(id, nperson);
        return new AalenJohansenResult(ns, times, pmat, vmat, nrisk, transitions, subjects);
    }

    /// <summary>
    /// H from the numbers moving j → k (in <paramref name="h"/>, row-major) and the numbers at risk: H_jk = d_jk / n_j,
    /// H_jj = 1 − Σ_k d_jk / n_j, an identity row where nobody is at risk; in place, in survfitci's operation order.
    /// </summary>
    internal static void TransitionMatrix(double[] h, int[] atRisk, int ns)
    {
        for (var j = 0; j < ns; j++)
        {
            if (atRisk[j] > 0)
            {
                double total = 0;
                for (var m = 0; m < ns; m++)
                {
                    total += h[j * ns + m];
                    h[j * ns + m] /= atRisk[j];
                }
                h[j * ns + j] = 1 - total / atRisk[j];
            }
            else
            {
                h[j * ns + j] = 1;
            }
        }
    }

    /// <summary>How many of the subject codes 0 … nperson − 1 have a row.</summary>
    internal static int DistinctSubjects(int[] id, int nperson)
    {
        var subjects = 0;
        var seen = new bool[nperson];
        foreach (var person in id)
        {
            if (!seen[person])
            {
                seen[person] = true;
                subjects++;
            }
        }
        return subjects;
    }

    /// <summary>The row order that sorts <paramref name="keys"/> ascending (ties in no particular order).</summary>
    internal static int[] Order(double[] keys)
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
}
