namespace Sarc.Statistics.Survival;

/// <summary>
/// A fitted Cox proportional-hazards model: the numbers of R's <c>coxph</c> and <c>summary(coxph)</c>.
/// </summary>
public sealed record CoxResult
{
    /// <summary>Rows used (intervals for counting-process data), R's <c>fit$n</c>.</summary>
    public required int N { get; init; }

    /// <summary>Number of events, R's <c>fit$nevent</c>.</summary>
    public required int Events { get; init; }

    /// <summary>The tie handling the model was fitted with (R's <c>fit$method</c>).</summary>
    public required CoxTies Ties { get; init; }

    /// <summary>Confidence level of the hazard-ratio intervals in <see cref="Coefficients"/>, in (0, 1).</summary>
    public required double ConfidenceLevel { get; init; }

    /// <summary>
    /// One row per covariate column, in the order of <see cref="CoxData.CovariateNames"/>: the columns of
    /// <c>summary(coxph)$coefficients</c> and <c>$conf.int</c> (robust standard errors with cluster()).
    /// </summary>
    public required IReadOnlyList<CoefficientRow> Coefficients { get; init; }

    /// <summary>Model-based variance (inverse information), p x p; R's <c>fit$var</c> without cluster, <c>fit$naive.var</c> with.</summary>
    public required double[,] Variance { get; init; }

    /// <summary>The robust sandwich variance with cluster(), else null.</summary>
    public double[,]? RobustVariance { get; init; }

    /// <summary>Log partial likelihood at beta = 0, R's <c>fit$loglik[1]</c>.</summary>
    public required double LogLikelihoodNull { get; init; }

    /// <summary>Log partial likelihood at the estimate, R's <c>fit$loglik[2]</c>.</summary>
    public required double LogLikelihood { get; init; }

    /// <summary>Likelihood-ratio test, 2 (loglik - loglik_null).</summary>
    public required ChiSquareTest LikelihoodRatioTest { get; init; }

    /// <summary>Wald test of all coefficients, unrounded (R's <c>fit$wald.test</c>); robust variance with cluster().</summary>
    public required ChiSquareTest WaldTest { get; init; }

    /// <summary>Score (log-rank) test at beta = 0, R's <c>fit$score</c>.</summary>
    public required ChiSquareTest ScoreTest { get; init; }

    /// <summary>Harrell's C, R's <c>fit$concordance["concordance"]</c> (within strata).</summary>
    public required double Concordance { get; init; }

    /// <summary>Proportional-hazards test, when asked for.</summary>
    public CoxPhTest? PhTest { get; init; }

    /// <summary>Linear predictors X beta, centred at the covariate means (R's <c>fit$linear.predictors</c>), in input row order.</summary>
    public required double[] LinearPredictors { get; init; }

    /// <summary>Newton-Raphson iterations done, R's <c>fit$iter</c>; the limit when not converged.</summary>
    public required int Iterations { get; init; }

    /// <summary>
    /// True when the relative change in log-likelihood reached <see cref="CoxOptions.Epsilon"/> within the iteration
    /// limit (or the limit is 0); when false, <see cref="Warnings"/> says so and what to do.
    /// </summary>
    public required bool Converged { get; init; }

    /// <summary>Statistical trouble (non-convergence, possibly infinite coefficients, singular columns), each with what to do.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
