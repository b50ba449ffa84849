namespace Sarc.Statistics.Hypothesis;

/// <summary>Sample quantiles as gtsummary reports them.</summary>
public static class SampleQuantile
{
    /// <summary>
    /// R <c>quantile(x, p, type = 2)</c> of values sorted ascending: with j = ⌊n p + 4ε⌋, x₍ⱼ₊₁₎ when n p &gt; j, else the
    /// mean of x₍ⱼ₎ and x₍ⱼ₊₁₎ (indices clamped to 1..n). gtsummary (≥ 2.0) uses it for {p25} and {p75}; at p = 0.5 it
    /// equals <c>median()</c>. NaN for an empty sample.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">p outside [0, 1].</exception>
    public static double Type2(ReadOnlySpan<double> sorted, double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, $"{nameof(p)} must be in [0, 1].");
        }
        var n = sorted.Length;
        if (n == 0)
        {
            return double.NaN;
        }
        var position = n * p;
        var j = (int)Math.Floor(position + 4 * 2.220446049250313e-16);
        var low = sorted[Math.Clamp(j - 1, 0, n - 1)];
        var high = sorted[Math.Clamp(j, 0, n - 1)];
        if (position > j)
        {
            return high;
        }
        return low == high ? low : 0.5 * low + 0.5 * high;
    }
}
