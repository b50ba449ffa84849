namespace Sarc.Statistics.Hypothesis;

/// <summary>
/// Fisher's exact test and the conditional maximum-likelihood odds ratio, as R <c>fisher.test</c> (two-sided,
/// conf.level 0.95 unless given). See docs/methods/tests.md for the definitions, including the mid-p value.
/// </summary>
public static class FisherExactTest
{
    /// <summary>
    /// R fisher.test's relative tolerance on a 2 x 2 table: tables whose probability is within a factor 1 + 1e-7 of the
    /// observed one count as "as probable", so that rounding cannot split tied tables.
    /// </summary>
    public const double RelativeError2x2 = 1 + 1e-7;

    /// <summary>
    /// The tolerance, in log-probability, that R's FEXACT uses on r x c tables (its TOL = 3.45254e-7): a table counts
    /// when log P(table) &lt;= log P(observed) + this.
    /// </summary>
    public const double LogTolerance = 3.45254e-7;

    /// <summary>Two-sided p: the summed probability of every table with the same margins that is no more probable than the observed one (within <see cref="RelativeError2x2"/>); as R <c>fisher.test(x)$p.value</c>.</summary>
    public static double PValue(TwoByTwoTable table)
    {
        var distribution = new NoncentralHypergeometric(table);
        var density = distribution.Density(1);
        var observed = density[table.A - distribution.Low] * RelativeError2x2;
        var p = 0.0;
        foreach (var d in density)
        {
            if (d <= observed)
            {
                p += d;
            }
        }
        return p;
    }

    /// <summary>
    /// Two-sided mid-p: P(tables strictly less probable than observed) + ½ P(tables as probable as observed), "as
    /// probable" within R's factor 1 + 1e-7. Equals the Fisher p minus half the probability of the tables tied with the
    /// observed one. There is no R function for it in base R; validation/classic.R states it in R.
    /// </summary>
    public static double MidPValue(TwoByTwoTable table)
    {
        var distribution = new NoncentralHypergeometric(table);
        var density = distribution.Density(1);
        var observed = density[table.A - distribution.Low];
        double less = 0, same = 0;
        foreach (var d in density)
        {
            if (d < observed / RelativeError2x2)
            {
                less += d;
            }
            else if (d <= observed * RelativeError2x2)
            {
                same += d;
            }
        }
        return less + 0.5 * same;
    }

    /// <summary>
    /// The conditional maximum-likelihood odds ratio and its exact (Cornfield) confidence interval, as R
    /// <c>fisher.test(x)$estimate</c> and <c>$conf.int</c>: the roots of the noncentral hypergeometric mean and tails
    /// found with uniroot's Brent steps and tolerance, so the values equal R's rather than the exact roots (they differ
    /// by up to ~1e-4 relative). Estimate 0 when a is at the low end of its support, +∞ at the high end; lower limit
    /// 0 and upper limit +∞ likewise.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> not in (0, 1).</exception>
    public static IntervalEstimate ConditionalOddsRatio(TwoByTwoTable table, double confidenceLevel = 0.95)
    {
        Preconditions.InOpenRange(confidenceLevel, 0, 1, nameof(confidenceLevel));
        var distribution = new NoncentralHypergeometric(table);
        var x = table.A;
        var alpha = (1 - confidenceLevel) / 2;
        return new IntervalEstimate(
            ConditionalMle(distribution, x),
            LowerLimit(distribution, x, alpha),
            UpperLimit(distribution, x, alpha),
            confidenceLevel);
    }

    /// <summary>
    /// Two-sided p of Fisher's exact test on an r x c table of counts (rows x columns), as R <c>fisher.test(x)$p.value</c>:
    /// a 2 x 2 table follows the 2 x 2 rule above, larger tables FEXACT's (<see cref="LogTolerance"/>). Rows or
    /// columns of zeros are dropped first (they do not change any table's probability); p = 1 when fewer than two
    /// rows or columns remain.
    /// </summary>
    /// <exception cref="ArgumentException">A negative count, fewer than 2 rows or columns, or a table too large to
    /// enumerate (see <see cref="TryPValue"/>).</exception>
    public static double PValue(int[,] counts)
    {
        if (!TryPValue(counts, out var p, out var reason))
        {
            throw new ArgumentException(reason, nameof(counts));
        }
        return p;
    }

    /// <summary>
    /// As <see cref="PValue(int[,])"/>, but reports a table beyond the exact enumeration's limits (more than 20 million
    /// nodes and arcs visited; R would need a larger workspace there too) through <paramref name="reason"/>
    /// instead of throwing; <paramref name="p"/> is NaN then.
    /// </summary>
    /// <exception cref="ArgumentException">A negative count or fewer than 2 rows or columns.</exception>
    public static bool TryPValue(int[,] counts, out double p, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.GetLength(0) < 2 || counts.GetLength(1) < 2)
        {
            throw new ArgumentException("A contingency table needs at least 2 rows and 2 columns.", nameof(counts));
        }
        foreach (var count in counts)
        {
            if (count < 0)
            {
                throw new ArgumentException("Counts must be >= 0.", nameof(counts));
            }
        }
        if (counts.GetLength(0) == 2 && counts.GetLength(1) == 2)
        {
            p = PValue(new TwoByTwoTable(counts[0, 0], counts[0, 1], counts[1, 0], counts[1, 1]));
            reason = null;
            return true;
        }
        return FisherNetwork.TryPValue(counts, out p, out reason);
    }

    // R fisher.test's mle(): solve E[a | ncp] = x on (0, 1] or, through 1/t, on [1, ∞).
    private static double ConditionalMle(NoncentralHypergeometric distribution, int x)
    {
        if (x == distribution.Low)
        {
            return 0;
        }
        if (x == distribution.High)
        {
            return double.PositiveInfinity;
        }
        var mean = distribution.Mean(1);
        if (mean > x)
        {
            return Zeroin.Root(t => distribution.Mean(t) - x, 0, 1);
        }
        if (mean < x)
        {
            return 1 / Zeroin.Root(t => distribution.Mean(1 / t) - x, MachineEpsilon, 1);
        }
        return 1;
    }

    // R fisher.test's ncp.U().
    private static double UpperLimit(NoncentralHypergeometric distribution, int x, double alpha)
    {
        if (x == distribution.High)
        {
            return double.PositiveInfinity;
        }
        var p = distribution.Tail(x, 1, upperTail: false);
        if (p < alpha)
        {
            return Zeroin.Root(t => distribution.Tail(x, t, upperTail: false) - alpha, 0, 1);
        }
        if (p > alpha)
        {
            return 1 / Zeroin.Root(t => distribution.Tail(x, 1 / t, upperTail: false) - alpha, MachineEpsilon, 1);
        }
        return 1;
    }

    // R fisher.test's ncp.L().
    private static double LowerLimit(NoncentralHypergeometric distribution, int x, double alpha)
    {
        if (x == distribution.Low)
        {
            return 0;
        }
        var p = distribution.Tail(x, 1, upperTail: true);
        if (p > alpha)
        {
            return Zeroin.Root(t => distribution.Tail(x, t, upperTail: true) - alpha, 0, 1);
        }
        if (p < alpha)
        {
            return 1 / Zeroin.Root(t => distribution.Tail(x, 1 / t, upperTail: true) - alpha, MachineEpsilon, 1);
        }
        return 1;
    }

    private const double MachineEpsilon = 2.220446049250313e-16;
}
