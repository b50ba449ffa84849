using Sarc.Statistics.Distributions;

namespace Sarc.Statistics.CompetingRisks;

/// <summary>The result of <see cref="FineGray.Fit"/>: the fitted subdistribution-hazard model, as <c>cmprsk::crr</c>.</summary>
/// <param name="Count">Observations used (crr's <c>n</c>).</param>
/// <param name="Events">Failures from the cause of interest.</param>
/// <param name="Coefficients">Log subdistribution hazard ratios, one per covariate column.</param>
/// <param name="Covariance">Robust (sandwich) covariance, p × p row-major, as crr's <c>var</c> (with the censoring-weight correction).</param>
/// <param name="LogLikelihood">Log pseudo-likelihood at the estimate (crr's <c>loglik</c>).</param>
/// <param name="NullLogLikelihood">Log pseudo-likelihood at 0 (crr's <c>loglik.null</c>).</param>
/// <param name="Converged">Whether the gradient criterion was met.</param>
/// <param name="Iterations">Newton steps taken.</param>
/// <param name="ConfidenceLevel">Level of <see cref="HazardRatioLower"/> and <see cref="HazardRatioUpper"/>.</param>
/// <param name="Warnings">Statistical trouble: non-convergence, a coefficient that runs away.</param>
public sealed record FineGrayResult(
    int Count,
    int Events,
    double[] Coefficients,
    double[] Covariance,
    double LogLikelihood,
    double NullLogLikelihood,
    bool Converged,
    int Iterations,
    double ConfidenceLevel,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Number of coefficients.</summary>
    public int Parameters => Coefficients.Length;

    /// <summary>Robust standard error of coefficient <paramref name="k"/> (sqrt of the diagonal of <see cref="Covariance"/>).</summary>
    public double StandardError(int k) => Math.Sqrt(Covariance[k * Parameters + k]);

    /// <summary>exp(coefficient): the subdistribution hazard ratio.</summary>
    public double HazardRatio(int k) => Math.Exp(Coefficients[k]);

    /// <summary>Wald z = coefficient / standard error.</summary>
    public double Z(int k) => Coefficients[k] / StandardError(k);

    /// <summary>Two-sided normal p-value of <see cref="Z"/>, as <c>summary.crr</c> (without its rounding).</summary>
    public double PValue(int k) => Probability.NormalTwoSided(Z(k));

    /// <summary>Lower Wald limit exp(b - z₁₋α/₂ se), as <c>summary.crr</c>'s conf.int.</summary>
    public double HazardRatioLower(int k) => Math.Exp(Coefficients[k] - Probability.NormalQuantile(0.5 + ConfidenceLevel / 2) * StandardError(k));

    /// <summary>Upper Wald limit exp(b + z₁₋α/₂ se).</summary>
    public double HazardRatioUpper(int k) => Math.Exp(Coefficients[k] + Probability.NormalQuantile(0.5 + ConfidenceLevel / 2) * StandardError(k));
}
