using MathNet.Numerics;

namespace Sarc.Statistics.Distributions;

/// <summary>
/// Tail probabilities of the reference distributions, computed directly in the tail that is asked for (never as
/// 1 - CDF), so that small p-values keep their relative precision as R's <c>pchisq(lower.tail = FALSE)</c> does.
/// </summary>
public static class Probability
{
    /// <summary>P(X &gt; x) for X ~ chi-square with <paramref name="degreesOfFreedom"/> &gt; 0; as R <c>pchisq(x, df, lower.tail = FALSE)</c>.</summary>
    public static double ChiSquareUpper(double x, double degreesOfFreedom)
    {
        Preconditions.Positive(degreesOfFreedom, nameof(degreesOfFreedom));
        Preconditions.NotNaN(x, nameof(x));
        return x <= 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2, x / 2);
    }

    /// <summary>P(Z &gt; z) for a standard normal Z; as R <c>pnorm(z, lower.tail = FALSE)</c>.</summary>
    public static double NormalUpper(double z)
    {
        Preconditions.NotNaN(z, nameof(z));
        return 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2));
    }

    /// <summary>P(Z &lt;= z) for a standard normal Z; as R <c>pnorm(z)</c>.</summary>
    public static double NormalLower(double z) => NormalUpper(-z);

    /// <summary>Two-sided p-value of a standard normal statistic: 2 P(Z &gt; |z|).</summary>
    public static double NormalTwoSided(double z) => 2 * NormalUpper(Math.Abs(z));

    /// <summary>The standard normal quantile; as R <c>qnorm(p)</c>, for 0 &lt; p &lt; 1.</summary>
    public static double NormalQuantile(double p)
    {
        Preconditions.InOpenRange(p, 0, 1, nameof(p));
        return -Math.Sqrt(2) * SpecialFunctions.ErfcInv(2 * p);
    }

    /// <summary>P(T &gt; t) for Student's t with <paramref name="degreesOfFreedom"/> &gt; 0 (not necessarily whole); as R <c>pt(t, df, lower.tail = FALSE)</c>.</summary>
    public static double StudentTUpper(double t, double degreesOfFreedom)
    {
        Preconditions.Positive(degreesOfFreedom, nameof(degreesOfFreedom));
        Preconditions.NotNaN(t, nameof(t));
        if (double.IsPositiveInfinity(t))
        {
            return 0;
        }
        if (double.IsNegativeInfinity(t))
        {
            return 1;
        }
        // I_x(df/2, 1/2) with x = df / (df + t²) is P(|T| > |t|); computed this way it keeps precision in the far tail.
        var twoSided = SpecialFunctions.BetaRegularized(degreesOfFreedom / 2, 0.5, degreesOfFreedom / (degreesOfFreedom + t * t));
        return t > 0 ? twoSided / 2 : 1 - twoSided / 2;
    }

    /// <summary>Two-sided p-value of a t statistic: 2 P(T &gt; |t|).</summary>
    public static double StudentTTwoSided(double t, double degreesOfFreedom) =>
        Math.Min(1.0, 2 * StudentTUpper(Math.Abs(t), degreesOfFreedom));

    /// <summary>The t quantile; as R <c>qt(p, df)</c>, for 0 &lt; p &lt; 1.</summary>
    public static double StudentTQuantile(double p, double degreesOfFreedom)
    {
        Preconditions.InOpenRange(p, 0, 1, nameof(p));
        Preconditions.Positive(degreesOfFreedom, nameof(degreesOfFreedom));
        return MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, degreesOfFreedom, p);
    }
}
