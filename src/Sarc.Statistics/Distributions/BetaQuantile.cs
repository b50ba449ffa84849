using MathNet.Numerics;

namespace Sarc.Statistics.Distributions;

/// <summary>
/// Quantiles of the beta distribution to full double precision, as R <c>qbeta(p, a, b)</c>; the Clopper-Pearson
/// interval needs them in the far tails (a lower limit of 2.5e-5 must keep its relative precision).
/// </summary>
public static class BetaQuantile
{
    /// <summary>The x in [0, 1] with I_x(a, b) = p, for 0 &lt;= p &lt;= 1 and shape parameters a, b &gt; 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">p outside [0, 1] or a shape that is not &gt; 0 (NaN included).</exception>
    public static double Lower(double p, double a, double b)
    {
        Preconditions.Positive(a, nameof(a));
        Preconditions.Positive(b, nameof(b));
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, $"{nameof(p)} must be in [0, 1].");
        }
        if (p == 0)
        {
            return 0;
        }
        if (p == 1)
        {
            return 1;
        }
        // Bisection is slow but cannot fail; it runs until the bracket is one or two ulps wide, so the answer is as
        // precise as the regularized incomplete beta it inverts. 1100 halvings reach the smallest subnormal.
        double low = 0, high = 1;
        for (var iteration = 0; iteration < 1100; iteration++)
        {
            var middle = 0.5 * (low + high);
            if (middle <= low || middle >= high)
            {
                break;
            }
            if (SpecialFunctions.BetaRegularized(a, b, middle) < p)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        return 0.5 * (low + high);
    }
}
