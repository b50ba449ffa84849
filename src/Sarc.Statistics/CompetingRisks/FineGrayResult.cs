
namespace Sarc.Statistics.CompetingRisks;

/// <summary>The result of <see cref="FineGray.Fit"/>: the fitted subdistribution-hazard model, as <c>cmprsk::crr</c> and <c>summary.crr</c>.</summary>
/// <param name="Count">Observations used (crr's <c>n</c>).</param>
/// <param name="Events">Failures from the cause of interest.</param>
/// <param name="Coefficients">One row per covariate column: log subdistribution hazard ratio, its robust standard error, sHR with its Wald interval at <paramref name="ConfidenceLevel"/>, z and p (NaN where the standard error is not finite).</param>
/// <param name="Covariance">Robust (sandwich) covariance, p × p row-major, as crr's <c>var</c> (with the censoring-weight correction).</param>
/// <param name="LogLikelihood">Log pseudo-likelihood at the estimate (crr's <c>loglik</c>).</param>
/// <param name="NullLogLikelihood">Log pseudo-likelihood at 0 (crr's <c>loglik.null</c>).</param>
/// <param name="Converged">Whether the gradient criterion was met.</param>
/// <param name="Iterations">Newton steps taken.</param>
/// <param name="ConfidenceLevel">Level of the intervals in <paramref name="Coefficients"/>.</param>
/// <param name="Warnings">Statistical trouble: non-convergence, a coefficient that runs away, a standard error that is not finite.</param>
public sealed record FineGrayResult(
    int Count,
    int Events,
    IReadOnlyList<CoefficientRow> Coefficients,
    double[] Covariance,
    double LogLikelihood,
    double NullLogLikelihood,
    bool Converged,
    int Iterations,
    double ConfidenceLevel,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Number of coefficients.</summary>
    public int Parameters => Coefficients.Count;

    /// <summary>The log subdistribution hazard ratios, in column order.</summary>
    public double[] Beta => Coefficients.Select(c => c.Coef).ToArray();
}
