namespace Sarc.Statistics.Survival;

/// <summary>
/// Cox data made ready for the kernels, once per fit: times after <see cref="CoxTimeFix"/>, covariates centred at
/// their means and scaled by n / sum|x - mean| (R's coxfit6 does the same, which keeps the Newton steps well
/// conditioned), stored row-major (<c>X[i * P + j]</c>) in input row order. Start is -infinity for right-censored data.
/// </summary>
internal sealed class CoxPrepared
{
    public CoxPrepared(CoxData data, bool timeFix)
    {
        N = data.RowCount;
        P = data.CovariateCount;
        // Right-censored data: one sort of the stop times serves the time fix and the sweeps (the fix maps times
        // monotonically, so the order stays valid).
        var descending = data.Start is null ? CoxSort.ByKey(data.Stop, Enumerable.Range(0, N).ToArray(), descending: true) : null;
        var (start, stop) = timeFix ? CoxTimeFix.Apply(data.Start, data.Stop, descending) : (data.Start, data.Stop);
        CountingProcess = start is not null;
        Stop = stop;
        if (start is null)
        {
            start = new double[N];
            Array.Fill(start, double.NegativeInfinity);
        }
        Start = start;
        Status = data.Status;
        Strata = data.Strata ?? new int[N];
        Means = new double[P];
        Scale = new double[P];
        X = new double[(long)N * P];
        for (var j = 0; j < P; j++)
        {
            var column = data.Covariates[j];
            var sum = 0.0;
            for (var i = 0; i < N; i++)
            {
                sum += column[i];
            }
            var mean = sum / N;
            var absolute = 0.0;
            for (var i = 0; i < N; i++)
            {
                absolute += Math.Abs(column[i] - mean);
            }
            Means[j] = mean;
            Scale[j] = absolute > 0 ? N / absolute : 1.0;
        }
        // Row by row: P sequential reads, one sequential write.
        var columns = data.Covariates;
        for (var i = 0; i < N; i++)
        {
            var offset = (long)i * P;
            for (var j = 0; j < P; j++)
            {
                X[offset + j] = (columns[j][i] - Means[j]) * Scale[j];
            }
        }
        stopOrder = new Lazy<int[]>(() => descending is null
            ? SortByStratumThenDescending(Stop, Strata, Enumerable.Range(0, N).ToArray())
            : GroupByStratum(descending, Strata));
    }

    private readonly Lazy<int[]> stopOrder;

    /// <summary>Row indices by stratum ascending, then stop time descending; computed once, shared by the sweeps.</summary>
    public int[] StopOrder => stopOrder.Value;

    /// <summary>Indices sorted by stratum ascending, then key descending (order among equal keys unspecified).</summary>
    public static int[] SortByStratumThenDescending(double[] key, int[] strata, int[] items)
    {
        return GroupByStratum(CoxSort.ByKey(key, items, descending: true), strata);
    }

    /// <summary>A stable counting sort by stratum: keeps the given order inside each stratum.</summary>
    private static int[] GroupByStratum(int[] sorted, int[] strata)
    {
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

    public int N { get; }

    public int P { get; }

    public bool CountingProcess { get; }

    public double[] Start { get; }

    public double[] Stop { get; }

    public double[] Status { get; }

    public int[] Strata { get; }

    public double[] Means { get; }

    public double[] Scale { get; }

    /// <summary>Centred, scaled covariates, row-major.</summary>
    public double[] X { get; }
}
