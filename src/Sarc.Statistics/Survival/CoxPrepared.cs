using System.Runtime.CompilerServices;
namespace Sarc.Statistics.Survival;

/// <summary>
/// Cox data made ready for the kernels, once per fit: times after <see cref="TimeFix"/>, covariates centred at
/// their means and scaled by n / sum|x - mean| (R's coxfit6 does the same, which keeps the Newton steps well
/// conditioned). Start is -infinity for right-censored data. The row-major copy <see cref="X"/> is made only when
/// asked for: the fast kernel copies the columns it needs straight from the input, in its own order, through
/// <see cref="CopyColumn"/> (or takes the input's arrays over, <see cref="TakeColumn"/>); on a million rows every
/// avoided copy counts.
/// </summary>
internal sealed class CoxPrepared
{
    public CoxPrepared(CoxData data, bool timeFix)
    {
        N = data.RowCount;
        P = data.CovariateCount;
        // Right-censored data: one sort of the stop times serves the time fix and the sweeps (the fix maps times
        // monotonically, so the order stays valid).
        var descending = data.Start is null ? CoxSort.ByKey(data.Stop, descending: true) : null;
        var (start, stop) = timeFix ? TimeFix.Apply(data.Start, data.Stop, descending) : (data.Start, data.Stop);
        CountingProcess = start is not null;
        Stop = stop;
        this.start = start;
        Status = data.Status;
        Strata = data.Strata ?? new int[N];
        Means = new double[P];
        Scale = new double[P];
        // Own slots (the arrays are the caller's): TakeColumn empties a slot, never the caller's array of columns.
        columns = (double[]?[])data.Covariates.Clone();
        // Two passes per column, columns independent: over the cores.
        Parallel.For(0, P, j =>
        {
            var column = columns[j]!;
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
        });
        x = new Lazy<double[]>(() =>
        {
            var all = new double[(long)N * P];
            for (var i = 0; i < N; i++)
            {
                CopyRow(i, all.AsSpan((int)((long)i * P), P));
            }
            return all;
        });
        stopOrder = new Lazy<int[]>(() => descending is null
            ? SortByStratumThenDescending(Stop, Strata, Enumerable.Range(0, N).ToArray())
            : GroupByStratum(descending, Strata));
    }

    private readonly Lazy<int[]> stopOrder;
    private readonly Lazy<double[]> x;
    private readonly double[]?[] columns;
    private double[]? start;

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

    public double[] Start => start ??= NegativeInfinities(N);

    public double[] Stop { get; }

    public double[] Status { get; }

    public int[] Strata { get; }

    public double[] Means { get; }

    public double[] Scale { get; }

    /// <summary>Centred, scaled covariates, row-major (made on first use).</summary>
    public double[] X => x.Value;

    /// <summary>Row <paramref name="row"/>'s centred, scaled covariates into <paramref name="target"/> (length P): the values of <see cref="X"/>, bit for bit.</summary>
    public void CopyRow(int row, Span<double> target)
    {
        for (var j = 0; j < target.Length; j++)
        {
            target[j] = (columns[j]![row] - Means[j]) * Scale[j];
        }
    }

    /// <summary>
    /// Column <paramref name="j"/> centred and scaled as in <see cref="CopyRow"/>, at rows <paramref name="rows"/>[from
    /// … to), into <paramref name="target"/>[from … to). One input column per call: a cache holds it far better than
    /// ten columns read at once.
    /// </summary>
    // Hot loop: jitted fully optimized at first call. ReadyToRun code cannot inline across assemblies (Span
    // helpers stay calls) and a method called a few times is never re-jitted, so the precompiled loop would stay slow.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CopyColumn(int j, int[] rows, int from, int to, double[] target)
    {
        var column = columns[j] ?? throw new InvalidOperationException($"Covariate column {j} was handed over.");
        var mean = Means[j];
        var scale = Scale[j];
        for (var w = from; w < to; w++)
        {
            target[w] = (column[rows[w]] - mean) * scale;
        }
    }

    /// <summary>
    /// Hands covariate column <paramref name="j"/>'s array to the caller (the kernel that reuses the input's columns,
    /// <see cref="CoxData.CovariatesReusable"/>): from then on this data no longer reads it.
    /// </summary>
    public double[] TakeColumn(int j)
    {
        var column = columns[j] ?? throw new InvalidOperationException($"Covariate column {j} was handed over.");
        columns[j] = null;
        return column;
    }

    /// <summary>
    /// eta = X beta in these coordinates, row by row: the same doubles as summing beta_j X[i * P + j] over j in order
    /// (column by column here, which streams through memory).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] LinearPredictors(double[] beta)
    {
        var eta = new double[N];
        for (var j = 0; j < P; j++)
        {
            var column = columns[j] ?? throw new InvalidOperationException($"Covariate column {j} was handed over.");
            var mean = Means[j];
            var scale = Scale[j];
            var b = beta[j];
            for (var i = 0; i < N; i++)
            {
                eta[i] += b * ((column[i] - mean) * scale);
            }
        }
        return eta;
    }

    private static double[] NegativeInfinities(int n)
    {
        var values = new double[n];
        Array.Fill(values, double.NegativeInfinity);
        return values;
    }
}
