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
    private readonly double[] x;
    private readonly double[] stop;
    private readonly bool[] dead;
    private readonly int[] stratumEnd;
    private readonly int[] byStart;
    private readonly double[] startSorted;
    private readonly double[] eta;
    private readonly double[] risk;

    public CoxSweepKernel(CoxPrepared data, CoxTies ties)
    {
        this.ties = ties;
        p = data.P;
        var n = data.N;
        var order = SortByStratumThenDescending(data.Stop, data.Strata, Enumerable.Range(0, n).ToArray());

        // Event times of each stratum, ascending, to find the rows that span one.
        var keep = new bool[n];
        var kept = 0;
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

        m = kept;
        x = new double[(long)m * p];
        stop = new double[m];
        dead = new bool[m];
        var strata = new int[m];
        var start = new double[m];
        var w = 0;
        for (var r = 0; r < n; r++)
        {
            if (!keep[r])
            {
                continue;
            }
            var i = order[r];
            Array.Copy(data.X, (long)i * p, x, (long)w * p, p);
            stop[w] = data.Stop[i];
            dead[w] = data.Status[i] != 0;
            strata[w] = data.Strata[i];
            start[w] = data.Start[i];
            w++;
        }
        var ends = new List<int>();
        for (var r = 1; r <= m; r++)
        {
            if (r == m || strata[r] != strata[r - 1])
            {
                ends.Add(r);
            }
        }
        stratumEnd = ends.ToArray();
        byStart = data.CountingProcess
            ? SortByStratumThenDescending(start, strata, Enumerable.Range(0, m).ToArray())
            : [];
        startSorted = byStart.Select(r => start[r]).ToArray();
        eta = new double[m];
        risk = new double[m];
    }

    /// <summary>Rows that take part in some risk set at an event time.</summary>
    public int RowsUsed => m;

    public double Evaluate(double[] beta, double[] score, double[,] information)
    {
        var packed = p * (p + 1) / 2;
        for (var r = 0; r < m; r++)
        {
            var row = x.AsSpan(r * p, p);
            var sum = 0.0;
            for (var j = 0; j < p; j++)
            {
                sum += beta[j] * row[j];
            }
            eta[r] = sum;
            risk[r] = Math.Exp(sum);
        }

        var a = new double[p];
        var a2 = new double[p];
        var c = new double[packed];
        var c2 = new double[packed];
        var imat = new double[packed];
        Array.Clear(score);
        var loglik = 0.0;
        var counting = byStart.Length > 0;
        var lo = 0;
        foreach (var hi in stratumEnd)
        {
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
                        Accumulate(x.AsSpan(r * p, p), -rr, a, c);
                    }
                }

                var deathRisk = 0.0;
                var deaths = 0;
                Array.Clear(a2);
                Array.Clear(c2);
                for (; add < hi && stop[add] >= t; add++)
                {
                    atRisk++;
                    var row = x.AsSpan(add * p, p);
                    if (dead[add])
                    {
                        deaths++;
                        deathRisk += risk[add];
                        loglik += eta[add];
                        for (var j = 0; j < p; j++)
                        {
                            score[j] += row[j];
                        }
                        Accumulate(row, risk[add], a2, c2);
                    }
                    else
                    {
                        denom += risk[add];
                        Accumulate(row, risk[add], a, c);
                    }
                }

                if (ties == CoxTies.Breslow || deaths == 1)
                {
                    denom += deathRisk;
                    loglik -= deaths * Math.Log(denom);
                    for (var j = 0; j < p; j++)
                    {
                        a[j] += a2[j];
                    }
                    for (var k = 0; k < packed; k++)
                    {
                        c[k] += c2[k];
                    }
                    AddInformation(deaths, denom, a, c, score, imat);
                }
                else
                {
                    for (var l = 0; l < deaths; l++)
                    {
                        denom += deathRisk / deaths;
                        loglik -= Math.Log(denom);
                        for (var j = 0; j < p; j++)
                        {
                            a[j] += a2[j] / deaths;
                        }
                        for (var k = 0; k < packed; k++)
                        {
                            c[k] += c2[k] / deaths;
                        }
                        AddInformation(1.0, denom, a, c, score, imat);
                    }
                }
            }
            lo = hi;
        }

        for (var j = 0; j < p; j++)
        {
            for (var k = 0; k <= j; k++)
            {
                information[j, k] = information[k, j] = imat[j * (j + 1) / 2 + k];
            }
        }
        return loglik;
    }

    private static void Accumulate(ReadOnlySpan<double> row, double weight, double[] a, double[] c)
    {
        var offset = 0;
        for (var j = 0; j < row.Length; j++)
        {
            var v = weight * row[j];
            a[j] += v;
            for (var k = 0; k <= j; k++)
            {
                c[offset + k] += v * row[k];
            }
            offset += j + 1;
        }
    }

    private static void AddInformation(double weight, double denom, double[] a, double[] c, double[] score, double[] imat)
    {
        var offset = 0;
        for (var j = 0; j < a.Length; j++)
        {
            var mean = a[j] / denom;
            score[j] -= weight * mean;
            for (var k = 0; k <= j; k++)
            {
                imat[offset + k] += weight * (c[offset + k] - mean * a[k]) / denom;
            }
            offset += j + 1;
        }
    }

    /// <summary>Indices sorted by stratum ascending, then key descending.</summary>
    internal static int[] SortByStratumThenDescending(double[] key, int[] strata, int[] items)
    {
        var negated = new double[items.Length];
        for (var r = 0; r < items.Length; r++)
        {
            negated[r] = -key[items[r]];
        }
        var sorted = (int[])items.Clone();
        Array.Sort(negated, sorted);
        // A stable counting sort by stratum keeps the time order inside each stratum.
        var maxStratum = 0;
        foreach (var i in sorted)
        {
            maxStratum = Math.Max(maxStratum, strata[i]);
        }
        if (maxStratum == 0)
        {
            return sorted;
        }
        var counts = new int[maxStratum + 2];
        foreach (var i in sorted)
        {
            counts[strata[i] + 1]++;
        }
        for (var s = 1; s < counts.Length; s++)
        {
            counts[s] += counts[s - 1];
        }
        var result = new int[sorted.Length];
        foreach (var i in sorted)
        {
            result[counts[strata[i]]++] = i;
        }
        return result;
    }
}
