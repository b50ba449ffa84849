namespace Sarc.Testing;

/// <summary>The tolerances against R, stated once (DEVELOPERS.md, "Correct first").</summary>
public static class Tolerance
{
    /// <summary>Relative tolerance for estimates (coefficients, survival, medians, standard errors).</summary>
    public const double Estimate = 1e-6;

    /// <summary>Relative tolerance for p-values, test statistics and confidence limits.</summary>
    public const double PValue = 1e-5;

    /// <summary>
    /// Absolute floor below which two numbers count as equal: relative error means nothing for values that are
    /// zero up to rounding (a coefficient of 1e-17, a p-value of 1e-300).
    /// </summary>
    public const double AbsoluteFloor = 1e-12;
}
