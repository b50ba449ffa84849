namespace Sarc.Statistics.Survival;

/// <summary>
/// Options of <see cref="CoxRegression"/>. The defaults are R's <c>coxph.control()</c>: <c>eps = 1e-9</c> on the
/// relative change in log-likelihood, <c>iter.max = 20</c>, <c>toler.chol = .Machine$double.eps^0.75</c>,
/// <c>toler.inf = sqrt(eps)</c>, <c>timefix = TRUE</c>.
/// </summary>
public sealed record CoxOptions
{
    /// <summary>How tied event times are handled; Efron by default, as R's <c>coxph</c>.</summary>
    public CoxTies Ties { get; init; } = CoxTies.Efron;

    /// <summary>Confidence level of the hazard-ratio intervals, in (0, 1).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Convergence: stop when |1 - loglik_old / loglik_new| &lt;= Epsilon.</summary>
    public double Epsilon { get; init; } = 1e-9;

    /// <summary>
    /// Most Newton-Raphson iterations (R's <c>iter.max</c>, default 20), &gt;= 0. With 0 the model is evaluated at the
    /// start, beta = 0, without iterating, as R's <c>iter.max = 0</c>.
    /// </summary>
    public int MaxIterations { get; init; } = 20;

    /// <summary>Relative pivot tolerance of the Cholesky decomposition (columns below it count as singular).</summary>
    public double CholeskyTolerance { get; init; } = Math.Pow(2.220446049250313e-16, 0.75);

    /// <summary>Threshold of the "coefficient may be infinite" check; R's default is sqrt(Epsilon).</summary>
    public double InfiniteTolerance { get; init; } = Math.Sqrt(1e-9);

    /// <summary>Merge times that differ only by rounding, as R's <c>aeqSurv</c> (see docs/methods/cox.md).</summary>
    public bool TimeFix { get; init; } = true;

    /// <summary>Also compute the proportional-hazards test of <c>cox.zph(fit, transform = "km")</c>.</summary>
    public bool ProportionalHazardsTest { get; init; }

    /// <summary>
    /// Use the plain risk-set-by-risk-set implementation (the test oracle) instead of the fast sweep. Slow:
    /// O(rows x event times); for tests and diagnosis only.
    /// </summary>
    public bool UseReferenceImplementation { get; init; }
}
