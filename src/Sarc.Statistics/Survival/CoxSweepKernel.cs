using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
namespace Sarc.Statistics.Survival;

/// <summary>
/// The fast Cox kernel: one backward sweep over time per evaluation, as R's agfit4.
/// Inputs: <see cref="CoxPrepared"/> (any row order). The constructor sorts once: rows by (stratum, stop
/// descending) and, for removal from the risk set, by (stratum, start descending). Rows whose interval contains no
/// event time of their stratum are dropped (they never enter a risk set at an event time, as R's agreg.fit "ignore").
/// Each evaluation: eta = X beta; walking event times t downwards, rows with stop &gt;= t enter the running sums
/// (S0, S1, packed S2) and rows with start &gt;= t leave them; at each t the Efron (or Breslow) terms are added to the
/// log-likelihood, score and information. Output as <see cref="ICoxKernel"/>. O(n p²) per evaluation.
/// </summary>
internal sealed class CoxSweepKernel : ICoxKernel
{
    private readonly int p;
    private readonly int m;
    private readonly CoxTies ties;
    // The centred, scaled covariates by column, rows in the kernel's order: x[j][w] for kept row w (w < m). With
    // reused columns each array is one of the caller's, length n, and also holds the dropped rows after the kept ones.
    private readonly double[][] x;
    // With reused columns: the input row of each position (kept rows first, then the dropped ones); else null.
    private readonly int[]? rowOf;
    private readonly double[] stop;
    private readonly bool[] dead;
    private readonly int[] stratumEnd;
    private readonly int[] stratumCode;
    private readonly int[] byStart;
    private readonly double[] startSorted;
    // exp(eta) of each row at the current beta. eta itself is not kept (8 bytes a row): the sweep recomputes it for
    // the deaths, the same sum in the same order, and the concordance borrows this array for it.
    private readonly double[] risk;
    // Distinct event times over the strata, and per event time (made at the first right-censored evaluation): the
    // end of the rows that entered the risk set there and the two weights of SweepByRowWeights.
    private readonly int eventTimes;
    private int[]? eventEntered;
    private double[]? eventWeightAll;
    private double[]? eventWeightDeath;
    private double[]? eventSums;

    /// <summary>
    /// Sorts and copies the rows the sweeps use. With <paramref name="reuseColumns"/> the covariate arrays of
    /// <paramref name="data"/> become the kernel's own storage (their input values are overwritten, one column at a
    /// time through one n-length scratch array), so a large model holds its covariates once instead of twice; the
    /// prepared data's <see cref="CoxPrepared.LinearPredictors"/> and <see cref="CoxPrepared.X"/> are then no longer
    /// valid, and <see cref="ConcordanceAndLinearPredictors"/> gives eta for every row instead.
    /// </summary>
    public CoxSweepKernel(CoxPrepared data, CoxTies ties, bool reuseColumns = false)
    {
        this.ties = ties;
        p = data.P;
        var n = data.N;
        var order = data.StopOrder;

        var rows = KeptRows(data, order, withDropped: reuseColumns, out m);
        rowOf = reuseColumns ? rows : null;
        stop = new double[m];
        dead = new bool[m];
        var start = data.CountingProcess ? new double[m] : null;
        // Independent per row, and bound by random reads from the input columns: split over the cores.
        const int chunk = 1 << 14;
        var length = reuseColumns ? n : m;
        x = new double[p][];
        var scratch = reuseColumns ? new double[n] : null;
        for (var j = 0; j < p; j++)
        {
            var target = scratch ?? new double[m];
            var column = j;
            Parallel.For(0, (length + chunk - 1) / chunk, c => data.CopyColumn(column, rows, c * chunk, Math.Min(length, (c + 1) * chunk), target));
            x[j] = target;
            if (scratch is not null)
            {
                // The input column is read: it is the next column's scratch.
                scratch = data.TakeColumn(j);
            }
        }
        Parallel.For(0, (m + chunk - 1) / chunk, c =>
        {
            var end = Math.Min(m, (c + 1) * chunk);
            for (var w = c * chunk; w < end; w++)
            {
                var i = rows[w];
                stop[w] = data.Stop[i];
                dead[w] = data.Status[i] != 0;
                if (start is not null)
                {
                    start[w] = data.Start[i];
                }
            }
        });
        // Strata of the kept rows, read through the row map (no m-length copy unless the data has strata).
        var ends = new List<int>();
        for (var r = 1; r <= m; r++)
        {
            if (r == m || data.Strata[rows[r]] != data.Strata[rows[r - 1]])
            {
                ends.Add(r);
            }
        }
        stratumEnd = ends.ToArray();
        stratumCode = stratumEnd.Select(end => data.Strata[rows[end - 1]]).ToArray();
        if (start is not null)
        {
            var strata = new int[m];
            for (var w = 0; w < m; w++)
            {
                strata[w] = data.Strata[rows[w]];
            }
            byStart = CoxPrepared.SortByStratumThenDescending(start, strata, Enumerable.Range(0, m).ToArray());
        }
        else
        {
            byStart = [];
        }
        startSorted = start is not null ? byStart.Select(r => start[r]).ToArray() : [];
        risk = new double[m];
        eventTimes = CountEventTimes();
    }

    private int CountEventTimes()
    {
        var count = 0;
        var lo = 0;
        foreach (var hi in stratumEnd)
        {
            var last = double.NaN;
            for (var r = lo; r < hi; r++)
            {
                if (dead[r] && stop[r] != last)
                {
                    count++;
                    last = stop[r];
                }
            }
            lo = hi;
        }
        return count;
    }

    /// <summary>
    /// The rows of <paramref name="order"/> (stratum, stop descending) whose interval contains an event time of their
    /// stratum, in that order (<paramref name="kept"/> of them); <paramref name="withDropped"/> appends the other rows.
    /// Right-censored data without strata keeps a prefix of the order, which is then returned itself.
    /// </summary>
    // Hot loop: jitted fully optimized at first call. ReadyToRun code cannot inline across assemblies (Span
    // helpers stay calls) and a method called a few times is never re-jitted, so the precompiled loop would stay slow.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] KeptRows(CoxPrepared data, int[] order, bool withDropped, out int kept)
    {
        var n = order.Length;
        if (!data.CountingProcess && n > 0 && data.Strata[order[0]] == data.Strata[order[n - 1]])
        {
            // One stratum (the order groups strata): the rows with stop at or after the first event time, a prefix.
            var last = n - 1;
            while (last >= 0 && data.Status[order[last]] == 0)
            {
                last--;
            }
            if (last >= 0)
            {
                var first = data.Stop[order[last]];
                while (last + 1 < n && data.Stop[order[last + 1]] == first)
                {
                    last++;
                }
            }
            kept = last + 1;
            return withDropped || kept == n ? order : order[..kept];
        }
        kept = 0;
        var keep = new bool[n];
        var position = 0;
        var events = new List<double>();
        while (position < n)
        {
            var stratum = data.Strata[order[position]];
            var end = position;
            while (end < n && data.Strata[order[end]] == stratum)
            {
                end++;
            }
            if (!data.CountingProcess)
            {
                // Start is -infinity: the rows with stop at or after the stratum's first event time, a prefix.
                var last = end - 1;
                while (last >= position && data.Status[order[last]] == 0)
                {
                    last--;
                }
                if (last >= position)
                {
                    var first = data.Stop[order[last]];
                    while (last + 1 < end && data.Stop[order[last + 1]] == first)
                    {
                        last++;
                    }
                    for (var r = position; r <= last; r++)
                    {
                        keep[r] = true;
                    }
                    kept += last - position + 1;
                }
                position = end;
                continue;
            }
            // Event times of the stratum, ascending, to find the rows that span one.
            events.Clear();
            for (var r = end - 1; r >= position; r--)
            {
                var i = order[r];
                if (data.Status[i] != 0 && (events.Count == 0 || events[^1] != data.Stop[i]))
                {
                    events.Add(data.Stop[i]);
                }
            }
            for (var r = position; r < end; r++)
            {
                var i = order[r];
                var k = events.BinarySearch(data.Start[i]);
                k = k >= 0 ? k + 1 : ~k;
                if (k < events.Count && events[k] <= data.Stop[i])
                {
                    keep[r] = true;
                    kept++;
                }
            }
            position = end;
        }
        var rows = new int[withDropped ? n : kept];
        var dropped = kept;
        for (int r = 0, w = 0; r < n; r++)
        {
            if (keep[r])
            {
                rows[w++] = order[r];
            }
            else if (withDropped)
            {
                rows[dropped++] = order[r];
            }
        }
        return rows;
    }

    /// <summary>Rows that take part in some risk set at an event time.</summary>
    public int RowsUsed => m;

    public double Evaluate(double[] beta, double[] score, double[,] information)
    {
        var packed = p * (p + 1) / 2;
        var imat = new double[packed];
        Array.Clear(score);
        var loglik = byStart.Length > 0 || EvaluatePath == Path.Sequential ? Sweep(beta, score, imat, perTime: null)
            : EvaluatePath != Path.RowWeights && Layout(always: EvaluatePath == Path.Events) is { } events ? SweepByEvents(beta, score, imat, events)
            : SweepByRowWeights(beta, score, imat);
        for (var j = 0; j < p; j++)
        {
            for (var k = 0; k <= j; k++)
            {
                information[j, k] = information[k, j] = imat[j * (j + 1) / 2 + k];
            }
        }
        return loglik;
    }

    /// <summary>How <see cref="Evaluate"/> sweeps: by default per event time or per row for right-censored data (see
    /// <see cref="SweepByEvents"/>) and the one sequential sweep otherwise; the tests choose each path.</summary>
    internal enum Path
    {
        Auto,
        Sequential,
        RowWeights,
        Events,
    }

    /// <summary>For the tests: the path <see cref="Evaluate"/> takes (right-censored data only, but <see cref="Path.Sequential"/>).</summary>
    internal Path EvaluatePath { get; init; }

    /// <summary>Rows per chunk of the weighted cross-products, fixed (not per core): the same sums on every machine.</summary>
    internal const int CrossProductChunk = 1 << 14;

    /// <summary>
    /// <see cref="Evaluate"/> for right-censored data, with the O(n p²) part off the sequential path. The
    /// information is Σ over event times t of Σ_{i at risk} w_i(t) r_i x_i x_iᵀ minus terms in S1(t) alone, where
    /// w_i(t) is the same for every row at risk at t (s1: d/D for Breslow or a lone death, Σ_l 1/D_l for Efron)
    /// except the deaths at t (sf: Σ_l f_l/D_l). Exchanging the sums, the first part is Σ_i ω_i r_i x_i x_iᵀ with
    /// ω_i = Σ_{t ≤ stop_i} w_i(t), one weight per row. So: one sequential sweep of O(n p) (S0, S1, the deaths'
    /// sums, the log-likelihood, the score and the S1 terms, and each event time's two weights), a suffix sum of
    /// the weights over event times into ω_i r_i (in place of r_i), and the weighted cross-products in fixed
    /// chunks side by side, added in chunk order: the same doubles on every run. The same maths as
    /// <see cref="Sweep"/>, summed in another order (equal to it to rounding, see the tests).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double SweepByRowWeights(double[] beta, double[] score, double[] imat)
    {
        var packed = p * (p + 1) / 2;
        ComputeRisk(beta);
        var a = new double[p];
        var a2 = new double[p];
        var outer = new double[packed];
        var entered = eventEntered ??= new int[eventTimes];
        var weightAll = eventWeightAll ??= new double[eventTimes];
        var weightDeath = eventWeightDeath ??= new double[eventTimes];
        var loglik = 0.0;
        var events = 0;
        var lo = 0;
        foreach (var hi in stratumEnd)
        {
            var denom = 0.0;
            Array.Clear(a);
            var add = lo;
            var first = events;
            while (add < hi)
            {
                var until = NextEventEnd(add, hi);
                if (until < 0)
                {
                    break;
                }
                var deathRisk = 0.0;
                var deaths = 0;
                Array.Clear(a2);
                for (; add < until; add++)
                {
                    var rr = risk[add];
                    if (dead[add])
                    {
                        deaths++;
                        deathRisk += rr;
                        loglik += LinearPredictor(beta, add);
                        for (var j = 0; j < p; j++)
                        {
                            var v = x[j][add];
                            score[j] += v;
                            a2[j] += rr * v;
                        }
                    }
                    else
                    {
                        denom += rr;
                        for (var j = 0; j < p; j++)
                        {
                            a[j] += rr * x[j][add];
                        }
                    }
                }
                entered[events] = add;
                loglik += EventTerms(deaths, deathRisk, ref denom, a, a2, score, outer, out weightAll[events], out weightDeath[events]);
                events++;
            }

            // ω r in place of r: a row that entered at event time e is at risk there and at every later one of the
            // stratum (earlier in time); rows after the stratum's last event time never are.
            risk.AsSpan(add, hi - add).Clear();
            var suffix = 0.0;
            for (var e = events - 1; e >= first; e--)
            {
                var from = e == first ? lo : entered[e - 1];
                var all = suffix + weightAll[e];
                var death = suffix + weightDeath[e];
                for (var w = from; w < entered[e]; w++)
                {
                    risk[w] *= dead[w] ? death : all;
                }
                suffix = all;
            }
            lo = hi;
        }

        // Σ ω r x xᵀ in fixed chunks side by side, added in chunk order.
        var chunks = (m + CrossProductChunk - 1) / CrossProductChunk;
        var partial = new double[chunks * packed];
        Parallel.For(0, chunks, c => WeightedCrossProducts(c * CrossProductChunk, Math.Min(m, (c + 1) * CrossProductChunk), partial.AsSpan(c * packed, packed)));
        AddInOrder(partial, chunks, outer, imat);
        return loglik;
    }

    /// <summary>
    /// The event times of right-censored data laid out once (they do not depend on β): event e's rows, those that
    /// enter the risk set there, are [Start[e], End[e]) with Deaths[e] deaths among them; a stratum's events are
    /// [StratumFirst[s], StratumFirst[s + 1]); ChunkFirst cuts the events into runs of about
    /// <see cref="CrossProductChunk"/> rows; DeathX is Σ x over all deaths.
    /// </summary>
    private sealed record EventLayout(int[] Start, int[] End, int[] Deaths, int[] StratumFirst, int[] ChunkFirst, double[] DeathX);

    private EventLayout? layout;

    /// <summary>The layout, when its per-event sums (2p + 2 doubles an event time) take at most a quarter of the covariates' memory.</summary>
    private EventLayout? Layout(bool always)
    {
        if (layout is not null || (!always && (long)eventTimes * (2 * p + 2) * 4 > (long)m * p))
        {
            return layout;
        }
        var start = new int[eventTimes];
        var end = new int[eventTimes];
        var deaths = new int[eventTimes];
        var stratumFirst = new int[stratumEnd.Length + 1];
        var chunkFirst = new List<int> { 0 };
        var deathX = new double[p];
        var e = 0;
        var lo = 0;
        var chunkRows = 0;
        for (var segment = 0; segment < stratumEnd.Length; segment++)
        {
            var hi = stratumEnd[segment];
            stratumFirst[segment] = e;
            var add = lo;
            while (add < hi)
            {
                var until = NextEventEnd(add, hi);
                if (until < 0)
                {
                    break;
                }
                start[e] = add;
                for (; add < until; add++)
                {
                    if (dead[add])
                    {
                        deaths[e]++;
                        for (var j = 0; j < p; j++)
                        {
                            deathX[j] += x[j][add];
                        }
                    }
                }
                end[e] = add;
                chunkRows += add - start[e];
                e++;
                if (chunkRows >= CrossProductChunk)
                {
                    chunkFirst.Add(e);
                    chunkRows = 0;
                }
            }
            lo = hi;
        }
        stratumFirst[^1] = e;
        if (chunkFirst[^1] != e)
        {
            chunkFirst.Add(e);
        }
        return layout = new EventLayout(start, end, deaths, stratumFirst, chunkFirst.ToArray(), deathX);
    }

    /// <summary>
    /// <see cref="SweepByRowWeights"/> with every pass over the rows side by side, for tied event times (few event
    /// times for many rows): in fixed runs of event times, exp(x β) and each event time's S0 and S1 of the rows
    /// entering there (deaths apart) and the deaths' x β; then, in order over the event times only, the sums, the
    /// log-likelihood, score, S1 terms and weights; then the weighted cross-products. Runs and sums in a fixed order:
    /// the same doubles on every run.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double SweepByEvents(double[] beta, double[] score, double[] imat, EventLayout events)
    {
        var packed = p * (p + 1) / 2;
        var count = eventTimes;
        var sums = eventSums ??= new double[count * (2 * p + 2)];
        var chunks = events.ChunkFirst.Length - 1;
        var deathEta = new double[chunks];
        Parallel.For(0, chunks, c =>
        {
            var (first, last) = (events.ChunkFirst[c], events.ChunkFirst[c + 1]);
            if (first == last)
            {
                return;
            }
            var from = events.Start[first];
            var to = events.End[last - 1];
            // x β first, exp(x β) in place as the rows are summed: a death's x β is read here, not recomputed (rows
            // in no event keep x β; the cross-products' pass zeroes them).
            LinearPredictors(beta, from, to, risk);
            var eta = 0.0;
            for (var e = first; e < last; e++)
            {
                var at = sums.AsSpan(e * (2 * p + 2), 2 * p + 2);
                at.Clear();
                var entering = at[..p];
                var dying = at.Slice(p, p);
                for (var w = events.Start[e]; w < events.End[e]; w++)
                {
                    var linear = risk[w];
                    var rr = Math.Exp(linear);
                    risk[w] = rr;
                    var target = dead[w] ? dying : entering;
                    if (dead[w])
                    {
                        eta += linear;
                        at[2 * p + 1] += rr;
                    }
                    else
                    {
                        at[2 * p] += rr;
                    }
                    for (var j = 0; j < p; j++)
                    {
                        target[j] += rr * x[j][w];
                    }
                }
            }
            deathEta[c] = eta;
        });

        var loglik = 0.0;
        for (var c = 0; c < chunks; c++)
        {
            loglik += deathEta[c];
        }
        for (var j = 0; j < p; j++)
        {
            score[j] = events.DeathX[j];
        }
        var a = new double[p];
        var a2 = new double[p];
        var outer = new double[packed];
        var weightAll = eventWeightAll ??= new double[count];
        var weightDeath = eventWeightDeath ??= new double[count];
        for (var segment = 0; segment < stratumEnd.Length; segment++)
        {
            var denom = 0.0;
            Array.Clear(a);
            var (first, last) = (events.StratumFirst[segment], events.StratumFirst[segment + 1]);
            for (var e = first; e < last; e++)
            {
                var at = e * (2 * p + 2);
                for (var j = 0; j < p; j++)
                {
                    a[j] += sums[at + j];
                    a2[j] = sums[at + p + j];
                }
                denom += sums[at + 2 * p];
                loglik += EventTerms(events.Deaths[e], sums[at + 2 * p + 1], ref denom, a, a2, score, outer, out weightAll[e], out weightDeath[e]);
            }
            // Each event time's weights summed over the later ones of the stratum (earlier in time).
            var suffix = 0.0;
            for (var e = last - 1; e >= first; e--)
            {
                weightDeath[e] += suffix;
                weightAll[e] += suffix;
                suffix = weightAll[e];
            }
        }

        var partial = new double[chunks * packed];
        Parallel.For(0, chunks, c =>
        {
            var (first, last) = (events.ChunkFirst[c], events.ChunkFirst[c + 1]);
            if (first == last)
            {
                return;
            }
            // ω r in place of r; rows between a stratum's last event time and the next stratum are at risk at none.
            var w = events.Start[first];
            for (var e = first; e < last; e++)
            {
                for (; w < events.Start[e]; w++)
                {
                    risk[w] = 0;
                }
                for (; w < events.End[e]; w++)
                {
                    risk[w] *= dead[w] ? weightDeath[e] : weightAll[e];
                }
            }
            WeightedCrossProducts(events.Start[first], events.End[last - 1], partial.AsSpan(c * packed, packed));
        });
        AddInOrder(partial, chunks, outer, imat);
        return loglik;
    }

    /// <summary>imat += the chunks' partial cross-products in chunk order, then the S1 terms.</summary>
    private static void AddInOrder(double[] partial, int chunks, double[] outer, double[] imat)
    {
        var packed = outer.Length;
        for (var c = 0; c < chunks; c++)
        {
            for (var k = 0; k < packed; k++)
            {
                imat[k] += partial[c * packed + k];
            }
        }
        for (var k = 0; k < packed; k++)
        {
            imat[k] += outer[k];
        }
    }

    /// <summary>
    /// One event time of <see cref="SweepByRowWeights"/> and <see cref="SweepByEvents"/>: from the risk set's sums
    /// without the deaths at t (<paramref name="denom"/>, <paramref name="a"/>) and the deaths' own
    /// (<paramref name="deathRisk"/>, <paramref name="a2"/>), the score's S1 term, the information's terms in S1
    /// (into <paramref name="outer"/>), and the weights of the rows at risk and of the deaths in the S2 term; the
    /// deaths are then added to the sums. Returns the log-likelihood's -Σ log D_l.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double EventTerms(
        int deaths, double deathRisk, ref double denom, double[] a, double[] a2, double[] score, double[] outer, out double weightAll, out double weightDeath)
    {
        var loglik = 0.0;
        if (ties == CoxTies.Breslow || deaths == 1)
        {
            denom += deathRisk;
            loglik -= deaths * Math.Log(denom);
            for (var j = 0; j < p; j++)
            {
                a[j] += a2[j];
            }
            var inverse = 1 / denom;
            var scaled = deaths * inverse;
            var offset = 0;
            for (var j = 0; j < p; j++)
            {
                var mean = a[j] * inverse;
                score[j] -= deaths * mean;
                for (var k = 0; k <= j; k++)
                {
                    outer[offset + k] -= scaled * (mean * a[k]);
                }
                offset += j + 1;
            }
            weightAll = weightDeath = scaled;
            return loglik;
        }
        // Efron as in Sweep: steps l = 1..d with D_l = D + f_l D2, f_l = l/d, through five scalar sums.
        var (s1, sf, s11, sf1, sff, logSum) = EfronSums(deaths, denom, deathRisk);
        loglik -= logSum;
        var at = 0;
        for (var j = 0; j < p; j++)
        {
            score[j] -= a[j] * s1 + a2[j] * sf;
            for (var k = 0; k <= j; k++)
            {
                outer[at + k] -= a[j] * a[k] * s11 + (a[j] * a2[k] + a2[j] * a[k]) * sf1 + a2[j] * a2[k] * sff;
            }
            at += j + 1;
        }
        denom += deathRisk;
        for (var j = 0; j < p; j++)
        {
            a[j] += a2[j];
        }
        weightAll = s1;
        weightDeath = sf;
        return loglik;
    }

    /// <summary>
    /// From position <paramref name="add"/> of a stratum ending at <paramref name="hi"/>: the end of the rows that enter
    /// the risk set at the next event time (those with stop at or after it), or -1 when no death is left.
    /// </summary>
    private int NextEventEnd(int add, int hi)
    {
        var next = add;
        while (next < hi && !dead[next])
        {
            next++;
        }
        if (next == hi)
        {
            return -1;
        }
        var t = stop[next];
        while (next < hi && stop[next] >= t)
        {
            next++;
        }
        return next;
    }

    /// <summary>
    /// Efron's d steps at one event time, D_l = D + f_l D2 with f_l = l/d, as five scalar sums (Σ 1/D_l, Σ f_l/D_l,
    /// Σ 1/D_l², Σ f_l/D_l², Σ f_l²/D_l²) and Σ log D_l.
    /// </summary>
    private static (double S1, double Sf, double S11, double Sf1, double Sff, double LogSum) EfronSums(int deaths, double denom, double deathRisk)
    {
        double s1 = 0, sf = 0, s11 = 0, sf1 = 0, sff = 0, logSum = 0;
        for (var l = 1; l <= deaths; l++)
        {
            var f = (double)l / deaths;
            var dl = denom + f * deathRisk;
            logSum += Math.Log(dl);
            var inv = 1 / dl;
            s1 += inv;
            sf += f * inv;
            s11 += inv * inv;
            sf1 += f * inv * inv;
            sff += f * f * inv * inv;
        }
        return (s1, sf, s11, sf1, sff, logSum);
    }

    /// <summary>
    /// Σ_w risk[w] x_w x_wᵀ over positions [from, to) into <paramref name="target"/> (packed lower triangle),
    /// in runs of rows that the first-level cache holds: per run, each column times the weights once, then one
    /// vector dot product per element of the triangle. Fixed order for given bounds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WeightedCrossProducts(int from, int to, Span<double> target)
    {
        const int run = 256;
        var weighted = new double[p * run];
        for (var at = from; at < to; at += run)
        {
            var length = Math.Min(run, to - at);
            var weights = risk.AsSpan(at, length);
            for (var j = 0; j < p; j++)
            {
                var column = x[j].AsSpan(at, length);
                var v = weighted.AsSpan(j * run, length);
                for (var r = 0; r < length; r++)
                {
                    v[r] = weights[r] * column[r];
                }
            }
            var offset = 0;
            for (var j = 0; j < p; j++)
            {
                var v = weighted.AsSpan(j * run, length);
                for (var k = 0; k <= j; k++)
                {
                    target[offset + k] += Dot(v, x[k].AsSpan(at, length));
                }
                offset += j + 1;
            }
        }
    }

    /// <summary>Σ u_r v_r, four lanes of 256-bit vectors then the rest in order: the same double for the same spans.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Dot(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        var r = 0;
        var sum = 0.0;
        if (Vector256.IsHardwareAccelerated && u.Length >= 16)
        {
            ref var us = ref MemoryMarshal.GetReference(u);
            ref var vs = ref MemoryMarshal.GetReference(v);
            Vector256<double> s0 = default, s1 = default, s2 = default, s3 = default;
            for (; r + 16 <= u.Length; r += 16)
            {
                s0 += Vector256.LoadUnsafe(ref us, (nuint)r) * Vector256.LoadUnsafe(ref vs, (nuint)r);
                s1 += Vector256.LoadUnsafe(ref us, (nuint)(r + 4)) * Vector256.LoadUnsafe(ref vs, (nuint)(r + 4));
                s2 += Vector256.LoadUnsafe(ref us, (nuint)(r + 8)) * Vector256.LoadUnsafe(ref vs, (nuint)(r + 8));
                s3 += Vector256.LoadUnsafe(ref us, (nuint)(r + 12)) * Vector256.LoadUnsafe(ref vs, (nuint)(r + 12));
            }
            sum = Vector256.Sum((s0 + s1) + (s2 + s3));
        }
        for (; r < u.Length; r++)
        {
            sum += u[r] * v[r];
        }
        return sum;
    }

    /// <summary>
    /// Sweeps at <paramref name="beta"/> and hands each event time's own contributions to <paramref name="perTime"/>:
    /// the time, the score contribution (p) and the information contribution (packed lower triangle). For cox.zph.
    /// </summary>
    public void SweepByTime(double[] beta, Action<double, double[], double[]> perTime)
    {
        Sweep(beta, new double[p], new double[p * (p + 1) / 2], perTime);
    }

    /// <summary>
    /// Sweeps at <paramref name="beta"/> and hands over, at each event time before its deaths are merged in: the
    /// stratum code, the time, S0 and S1 of the rows at risk other than the deaths at t, and S0, S1 and the count of
    /// those deaths. For the score residuals.
    /// </summary>
    public void SweepRiskSets(double[] beta, RiskSetVisitor visit)
    {
        Sweep(beta, new double[p], new double[p * (p + 1) / 2], perTime: null, visit);
    }

    /// <summary>Receives one event time's risk-set sums; the arrays are reused, copy what you keep.</summary>
    public delegate void RiskSetVisitor(int stratum, double time, double denom, double[] sum, double deathRisk, double[] deathSum, int deaths);

    /// <summary>
    /// The sweep. Without <paramref name="perTime"/> it accumulates into score and imat; with it, score and imat
    /// are cleared before each event time and handed over after it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Sweep(
        double[] beta, double[] score, double[] imat, Action<double, double[], double[]>? perTime, RiskSetVisitor? visit = null)
    {
        var packed = p * (p + 1) / 2;
        ComputeRisk(beta);

        var a = new double[p];
        var a2 = new double[p];
        var removed = new double[p];
        // The rows entering the risk set come in order: they are read a block at a time into a small row-major
        // buffer (each column a short contiguous run), which the cache holds.
        var block = new double[BlockRows * p];
        var blockFrom = -BlockRows;
        var c = new double[packed];
        var c2 = new double[packed];
        var loglik = 0.0;
        var counting = byStart.Length > 0;
        var lo = 0;
        for (var segment = 0; segment < stratumEnd.Length; segment++)
        {
            var hi = stratumEnd[segment];
            var denom = 0.0;
            Array.Clear(a);
            Array.Clear(c);
            var add = lo;
            var remove = lo;
            var atRisk = 0;
            while (add < hi)
            {
                var next = add;
                while (next < hi && !dead[next])
                {
                    next++;
                }
                if (next == hi)
                {
                    break;
                }
                var t = stop[next];

                if (counting)
                {
                    for (; remove < hi && startSorted[remove] >= t; remove++)
                    {
                        atRisk--;
                        if (atRisk == 0)
                        {
                            // Everyone left: restart the sums at exact zero rather than carry rounding.
                            denom = 0;
                            Array.Clear(a);
                            Array.Clear(c);
                            continue;
                        }
                        var r = byStart[remove];
                        var rr = risk[r];
                        denom -= rr;
                        Gather(r, removed);
                        Accumulate(removed, -rr, a, c);
                    }
                }

                if (perTime is not null)
                {
                    Array.Clear(score);
                    Array.Clear(imat);
                }
                var deathRisk = 0.0;
                var deaths = 0;
                // Breslow, or a single death at t: the deaths' sums are only ever added to the running ones, so
                // they go there at once (most event times of continuous data have one death).
                var direct = visit is null && (ties == CoxTies.Breslow || next + 1 == hi || stop[next + 1] != t || !AnotherDeath(next + 1, hi, t));
                if (!direct)
                {
                    Array.Clear(a2);
                    Array.Clear(c2);
                }
                for (; add < hi && stop[add] >= t; add++)
                {
                    atRisk++;
                    if (add >= blockFrom + BlockRows)
                    {
                        blockFrom = add;
                        FillBlock(add, block);
                    }
                    var row = new ReadOnlySpan<double>(block, (add - blockFrom) * p, p);
                    if (dead[add])
                    {
                        deaths++;
                        deathRisk += risk[add];
                        loglik += LinearPredictor(beta, row);
                        for (var j = 0; j < p; j++)
                        {
                            score[j] += row[j];
                        }
                        if (direct)
                        {
                            Accumulate(row, risk[add], a, c);
                        }
                        else
                        {
                            Accumulate(row, risk[add], a2, c2);
                        }
                    }
                    else
                    {
                        denom += risk[add];
                        Accumulate(row, risk[add], a, c);
                    }
                }

                visit?.Invoke(stratumCode[segment], t, denom, a, deathRisk, a2, deaths);
                if (ties == CoxTies.Breslow || deaths == 1)
                {
                    denom += deathRisk;
                    loglik -= deaths * Math.Log(denom);
                    if (!direct)
                    {
                        for (var j = 0; j < p; j++)
                        {
                            a[j] += a2[j];
                        }
                        for (var k = 0; k < packed; k++)
                        {
                            c[k] += c2[k];
                        }
                    }
                    AddInformation(deaths, denom, a, c, score, imat);
                }
                else
                {
                    // Efron in closed form: step l = 1..d uses D_l = D + f_l D2, a_l = a + f_l a2, C_l = C + f_l C2
                    // with f_l = l/d (agfit4's order); sum the d steps through five scalar sums instead of d p² updates.
                    var (s1, sf, s11, sf1, sff, logSum) = EfronSums(deaths, denom, deathRisk);
                    loglik -= logSum;
                    var offset = 0;
                    for (var j = 0; j < p; j++)
                    {
                        score[j] -= a[j] * s1 + a2[j] * sf;
                        for (var k = 0; k <= j; k++)
                        {
                            imat[offset + k] += c[offset + k] * s1 + c2[offset + k] * sf
                                - (a[j] * a[k] * s11 + (a[j] * a2[k] + a2[j] * a[k]) * sf1 + a2[j] * a2[k] * sff);
                        }
                        offset += j + 1;
                    }
                    // After the tied deaths the running sums hold them in full, as after the last Efron step.
                    denom += deathRisk;
                    for (var j = 0; j < p; j++)
                    {
                        a[j] += a2[j];
                    }
                    for (var k = 0; k < packed; k++)
                    {
                        c[k] += c2[k];
                    }
                }
                perTime?.Invoke(t, score, imat);
            }
            lo = hi;
        }
        return loglik;
    }

    /// <summary>
    /// Harrell's C at <paramref name="beta"/> (see <see cref="CoxConcordance"/>), on the kernel's rows and order. The
    /// rows the kernel dropped are never at risk at an event time, so they are in no comparable pair.
    /// </summary>
    public double Concordance(double[] beta) => CoxConcordance.ComputeSorted(stop, dead, stratumEnd, SortedLinearPredictors(beta), byStart.Length > 0 ? byStart : null, startSorted);

    /// <summary>
    /// Harrell's C (as <see cref="Concordance"/>) and eta = x β of every input row in input order, when the kernel took
    /// over the covariate columns (see the constructor): x β is computed once, in the kernel's order, and the same
    /// doubles are scattered to the input order while the concordance is counted.
    /// </summary>
    /// <exception cref="InvalidOperationException">The kernel holds only the kept rows (use <see cref="CoxPrepared.LinearPredictors"/>).</exception>
    public (double Concordance, double[] LinearPredictors) ConcordanceAndLinearPredictors(double[] beta)
    {
        var rows = rowOf ?? throw new InvalidOperationException("The kernel holds only the kept rows; use CoxPrepared.LinearPredictors.");
        var sorted = SortedLinearPredictors(beta);
        var eta = new double[rows.Length];
        var scatter = Task.Run(() =>
        {
            for (var w = 0; w < m; w++)
            {
                eta[rows[w]] = sorted[w];
            }
            // The rows the kernel dropped follow the kept ones in its columns.
            for (var w = m; w < rows.Length; w++)
            {
                eta[rows[w]] = LinearPredictor(beta, w);
            }
        });
        var concordance = CoxConcordance.ComputeSorted(stop, dead, stratumEnd, sorted, byStart.Length > 0 ? byStart : null, startSorted);
        scatter.Wait();
        return (concordance, eta);
    }

    /// <summary>x β of the kernel's m rows in its order, in the risk array (every sweep starts by refilling it with exp(eta)).</summary>
    private double[] SortedLinearPredictors(double[] beta)
    {
        var eta = risk;
        const int chunk = 1 << 16;
        Parallel.For(0, (m + chunk - 1) / chunk, c => LinearPredictors(beta, c * chunk, Math.Min(m, (c + 1) * chunk), eta));
        return eta;
    }

    /// <summary>Whether a row in [from, hi) with stop t is a death (rows at t are contiguous from <paramref name="from"/>).</summary>
    private bool AnotherDeath(int from, int hi, double t)
    {
        for (var r = from; r < hi && stop[r] == t; r++)
        {
            if (dead[r])
            {
                return true;
            }
        }
        return false;
    }

    private void ComputeRisk(double[] beta)
    {
        // Independent per row: split over the cores in large chunks.
        const int chunk = 1 << 16;
        Parallel.For(0, (m + chunk - 1) / chunk, c => ComputeRisk(beta, c * chunk, Math.Min(m, (c + 1) * chunk)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ComputeRisk(double[] beta, int from, int to)
    {
        LinearPredictors(beta, from, to, risk);
        for (var r = from; r < to; r++)
        {
            risk[r] = Math.Exp(risk[r]);
        }
    }

    /// <summary>
    /// x β at positions [from, to) into <paramref name="eta"/>, column by column (streams through memory): per
    /// position the same additions in the same order as <see cref="LinearPredictor(double[], int)"/>, so the same doubles.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LinearPredictors(double[] beta, int from, int to, double[] eta)
    {
        // In runs the first-level cache holds while the columns are added in.
        const int run = 512;
        for (var at = from; at < to; at += run)
        {
            var length = Math.Min(run, to - at);
            var target = eta.AsSpan(at, length);
            target.Clear();
            for (var j = 0; j < x.Length; j++)
            {
                var column = x[j].AsSpan(at, length);
                var b = beta[j];
                for (var r = 0; r < target.Length; r++)
                {
                    target[r] += b * column[r];
                }
            }
        }
    }

    // a += w x, c += w x xᵀ (packed lower triangle). Each element gets the one product and the one addition of the
    // plain loop, four neighbours of a triangle row at a time where the hardware has 256-bit vectors: the same
    // doubles, bit for bit.
    /// <summary>x β for position <paramref name="w"/>, summed in column order (every caller gets the same double).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double LinearPredictor(double[] beta, int w)
    {
        var sum = 0.0;
        for (var j = 0; j < x.Length; j++)
        {
            sum += beta[j] * x[j][w];
        }
        return sum;
    }

    /// <summary>Rows per block of the sweep's row-major buffer.</summary>
    private const int BlockRows = 256;

    /// <summary>Positions [from, from + <see cref="BlockRows"/>) (up to m) into <paramref name="block"/>, row-major.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillBlock(int from, double[] block)
    {
        var length = Math.Min(BlockRows, m - from);
        for (var j = 0; j < p; j++)
        {
            var column = x[j].AsSpan(from, length);
            for (var r = 0; r < column.Length; r++)
            {
                block[r * p + j] = column[r];
            }
        }
    }

    /// <summary>x β of a gathered row: the same sum as <see cref="LinearPredictor(double[], int)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LinearPredictor(double[] beta, ReadOnlySpan<double> row)
    {
        var sum = 0.0;
        for (var j = 0; j < row.Length; j++)
        {
            sum += beta[j] * row[j];
        }
        return sum;
    }

    /// <summary>Position <paramref name="w"/>'s covariates into <paramref name="row"/> (w &lt; every column's length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Gather(int w, double[] row)
    {
        var columns = x;
        for (var j = 0; j < row.Length && j < columns.Length; j++)
        {
            row[j] = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(columns[j]), w);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Accumulate(ReadOnlySpan<double> row, double weight, double[] a, double[] c)
    {
        unchecked
        {
            ref var rowStart = ref MemoryMarshal.GetReference(row);
            ref var cStart = ref MemoryMarshal.GetArrayDataReference(c);
            var offset = 0;
            for (var j = 0; j < row.Length; j++)
            {
                var v = weight * row[j];
                a[j] += v;
                var k = 0;
                if (Vector256.IsHardwareAccelerated)
                {
                    var vv = Vector256.Create(v);
                    for (; k + 4 <= j + 1; k += 4)
                    {
                        var sum = Vector256.LoadUnsafe(ref cStart, (nuint)(offset + k)) + vv * Vector256.LoadUnsafe(ref rowStart, (nuint)k);
                        sum.StoreUnsafe(ref cStart, (nuint)(offset + k));
                    }
                }
                for (; k <= j; k++)
                {
                    c[offset + k] += v * row[k];
                }
                offset += j + 1;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddInformation(double weight, double denom, double[] a, double[] c, double[] score, double[] imat)
    {
        // One division per event time, not one per matrix element.
        var inverse = 1 / denom;
        var offset = 0;
        for (var j = 0; j < a.Length; j++)
        {
            var mean = a[j] * inverse;
            score[j] -= weight * mean;
            var scaled = weight * inverse;
            for (var k = 0; k <= j; k++)
            {
                imat[offset + k] += scaled * (c[offset + k] - mean * a[k]);
            }
            offset += j + 1;
        }
    }
}
