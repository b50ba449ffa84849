namespace Sarc.Statistics.CompetingRisks;

/// <summary>Options of <see cref="FineGray.Fit"/>. Defaults iterate further than <c>crr</c> (gtol 1e-6, maxiter 10) so the fit is fully converged.</summary>
public sealed record FineGrayOptions
{
    /// <summary>The defaults.</summary>
    public static FineGrayOptions Default { get; } = new();

    /// <summary>Maximum Newton-Raphson iterations (crr's <c>maxiter</c>); default 50.</summary>
    public int MaxIterations { get; init; } = 50;

    /// <summary>
    /// Convergence when max_k |score_k| max(|b_k|, 1) &lt; max(|log-likelihood|, 1) × tolerance, crr's <c>gtol</c> rule;
    /// default 1e-9 (crr: 1e-6).
    /// </summary>
    public double GradientTolerance { get; init; } = 1e-9;

    /// <summary>Level of the hazard-ratio confidence intervals; default 0.95.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;
}
