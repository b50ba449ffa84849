using Sarc.Statistics.Distributions;

namespace Sarc.Statistics.Survival;

/// <summary>
/// Cox proportional-hazards regression, exact as R's <c>coxph</c> (survival 3.x): Efron or Breslow ties, strata,
/// counting-process data <c>Surv(start, stop, event)</c>, robust sandwich variance with <c>cluster()</c>, the
/// likelihood-ratio, Wald and score tests, Harrell's concordance and, on request, <c>cox.zph</c>.
/// Newton-Raphson from beta = 0 with step-halving, converged when |1 - loglik_old / loglik_new| &lt;= eps; the
/// returned estimate is the iterate that passed. The maths is in docs/methods/cox.md.
/// </summary>
public sealed class CoxRegression
{
    /// <summary>A model with the given options, or R's <c>coxph.control()</c> defaults when null.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The confidence level is not in (0, 1), <see cref="CoxOptions.Epsilon"/> not &gt; 0, or the iteration limit negative.
    /// </exception>
    public CoxRegression(CoxOptions? options = null)
    {
        Options = options ?? new CoxOptions();
        Preconditions.InOpenRange(Options.ConfidenceLevel, 0, 1, nameof(CoxOptions.ConfidenceLevel));
        Preconditions.Positive(Options.Epsilon, nameof(CoxOptions.Epsilon));
        Preconditions.NonNegative(Options.MaxIterations, nameof(CoxOptions.MaxIterations));
    }

    /// <summary>The options every fit uses.</summary>
    public CoxOptions Options { get; }

    /// <summary>
    /// The rows this model cannot use although each is valid on its own: with <see cref="CoxOptions.TimeFix"/>, an
    /// interval (start, stop] whose ends merge into one time as near-equal times are merged (R's <c>aeqSurv</c>
    /// stops with an error there). Empty when <see cref="Fit"/> can run.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Fit"/>, for data that breaks the input contract.</exception>
    public IReadOnlyList<DataProblem> Check(CoxData data)
    {
        Validate(data);
        if (data.Start is null || !Options.TimeFix)
        {
            return [];
        }
        var collapsed = new List<int>();
        TimeFix.Apply(data.Start, data.Stop, collapsed: collapsed);
        return collapsed.Select(i => new DataProblem(
            $"the interval ({data.Start[i]:R}, {data.Stop[i]:R}] has length 0 once near-equal times are merged (R's aeqSurv)", i)).ToArray();
    }

    /// <summary>Fits the model.</summary>
    /// <exception cref="ArgumentException">
    /// Arrays of different lengths, no covariates, a status other than 0/1, start &gt;= stop, no events, or
    /// non-finite values; an interval that <see cref="Check"/> reports. These are programmer errors: user data is
    /// validated before (Sarc.Data.Models.ModelFrame, and <see cref="Check"/>).
    /// </exception>
    public CoxResult Fit(CoxData data)
    {
        Validate(data);
        var options = Options;
        Stages.Mark("cox: validate");
        var prepared = new CoxPrepared(data, options.TimeFix);
        var p = prepared.P;
        Stages.Mark("cox: sort, time fix, centre");
        var reuse = data.CovariatesReusable && !options.UseReferenceImplementation && data.Cluster is null && DistinctArrays(data);
        ICoxKernel kernel = options.UseReferenceImplementation
            ? new CoxReferenceKernel(prepared, options.Ties)
            : new CoxSweepKernel(prepared, options.Ties, reuse);
        Stages.Mark("cox: kernel's sorted copy");

        var newton = CoxNewtonRaphson.Run(kernel, p, options, prepared.CountingProcess);
        Stages.Mark($"cox: newton ({newton.Iterations} it.)");
        var warnings = new List<string>(newton.Warnings);

        // Back to the original scale: beta = beta_s * scale, var = var_s * scale scale'.
        var beta = new double[p];
        var variance = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            beta[j] = newton.Beta[j] * prepared.Scale[j];
            for (var k = 0; k < p; k++)
            {
                variance[j, k] = newton.Variance[j, k] * prepared.Scale[j] * prepared.Scale[k];
            }
        }
        var singular = new bool[p];
        if (newton.Rank < p)
        {
            for (var j = 0; j < p; j++)
            {
                singular[j] = variance[j, j] == 0;
            }
            var names = Enumerable.Range(0, p).Where(j => singular[j]).Select(j => data.CovariateNames[j]);
            warnings.Add($"X matrix deemed to be singular; coefficient(s) {string.Join(", ", names)} set to NA: drop a collinear covariate or merge factor levels.");
        }
        InfiniteCoefficientWarning(newton, prepared, beta, variance, warnings, options, data);

        // eta in the prepared coordinates (centred): R's linear predictors, and the input of residuals and zph.
        // The fast concordance works on the kernel's own copy: when the kernel holds every row, x β is computed once
        // there for both; otherwise eta is computed from the prepared data side by side.
        double concordance;
        double[] eta;
        if (reuse)
        {
            (concordance, eta) = ((CoxSweepKernel)kernel).ConcordanceAndLinearPredictors(newton.Beta);
        }
        else
        {
            var etaTask = Task.Run(() => prepared.LinearPredictors(newton.Beta));
            concordance = kernel is CoxSweepKernel sorted ? sorted.Concordance(newton.Beta) : double.NaN;
            eta = etaTask.Result;
            if (kernel is not CoxSweepKernel)
            {
                concordance = CoxConcordance.Compute(prepared.Start, prepared.Stop, prepared.Status, prepared.Strata, eta, prepared.CountingProcess);
            }
        }

        Stages.Mark("cox: concordance, eta");
        double[,]? robust = null;
        if (data.Cluster is not null)
        {
            var resid = kernel is CoxSweepKernel sweepKernel
                ? CoxScoreResiduals.ComputeFast(prepared, sweepKernel, newton.Beta, options.Ties)
                : CoxScoreResiduals.Compute(prepared, eta, options.Ties);
            robust = RobustVariance(prepared, resid, data.Cluster, newton.Variance);
        }
        var used = robust ?? variance;

        var z = Probability.NormalQuantile(1 - (1 - options.ConfidenceLevel) / 2);
        var coefficients = new List<CoefficientRow>(p);
        for (var j = 0; j < p; j++)
        {
            if (singular[j])
            {
                coefficients.Add(new CoefficientRow(data.CovariateNames[j], double.NaN, double.NaN,
                    robust is null ? null : double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN));
                continue;
            }
            var se = Math.Sqrt(variance[j, j]);
            var seUsed = Math.Sqrt(used[j, j]);
            var zValue = beta[j] / seUsed;
            coefficients.Add(new CoefficientRow(
                data.CovariateNames[j],
                beta[j],
                se,
                robust is null ? null : seUsed,
                Math.Exp(beta[j]),
                Math.Exp(beta[j] - z * seUsed),
                Math.Exp(beta[j] + z * seUsed),
                zValue,
                Probability.NormalTwoSided(zValue)));
        }

        var df = singular.Count(s => !s);
        var kept = Enumerable.Range(0, p).Where(j => !singular[j]).ToArray();
        var keptVariance = new double[df, df];
        var keptBeta = new double[df];
        for (var a = 0; a < df; a++)
        {
            keptBeta[a] = beta[kept[a]];
            for (var b = 0; b < df; b++)
            {
                keptVariance[a, b] = used[kept[a], kept[b]];
            }
        }
        var wald = CoxCholesky.QuadraticForm(keptVariance, keptBeta, options.CholeskyTolerance);

        CoxPhTest? phTest = null;
        if (options.ProportionalHazardsTest)
        {
            phTest = kernel is CoxSweepKernel sweep
                ? CoxZph.ComputeFast(prepared, sweep, newton.Beta, data.Assign, data.TermNames)
                : CoxZph.Compute(prepared, eta, options.Ties, data.Assign, data.TermNames);
        }

        var events = 0;
        foreach (var s in data.Status)
        {
            events += s != 0 ? 1 : 0;
        }
        // R's linear predictors: X beta - sum(beta * means) in the original scale.
        return new CoxResult
        {
            N = data.RowCount,
            Events = events,
            Ties = options.Ties,
            ConfidenceLevel = options.ConfidenceLevel,
            Coefficients = coefficients,
            Variance = variance,
            RobustVariance = robust,
            LogLikelihoodNull = newton.LogLikelihoodNull,
            LogLikelihood = newton.LogLikelihood,
            LikelihoodRatioTest = ChiSquareTest.Of(2 * (newton.LogLikelihood - newton.LogLikelihoodNull), df),
            WaldTest = ChiSquareTest.Of(wald, df),
            ScoreTest = ChiSquareTest.Of(newton.ScoreTest, df),
            Concordance = concordance,
            PhTest = phTest,
            LinearPredictors = eta,
            Iterations = newton.Iterations,
            Converged = newton.Converged,
            Warnings = warnings,
        };
    }

    /// <summary>Whether every covariate array is a different array, and none is the time or status array (so one may be overwritten).</summary>
    private static bool DistinctArrays(CoxData data)
    {
        var seen = new HashSet<double[]>(ReferenceEqualityComparer.Instance) { data.Stop, data.Status };
        if (data.Start is not null && !seen.Add(data.Start))
        {
            return false;
        }
        foreach (var column in data.Covariates)
        {
            if (!seen.Add(column))
            {
                return false;
            }
        }
        return true;
    }

    private static double[,] RobustVariance(CoxPrepared prepared, double[] resid, int[] cluster, double[,] scaledVariance)
    {
        // dfbeta = score residuals x variance (both in the scaled coordinates), summed within cluster; V = D'D.
        // The scaled-coordinate product maps back to the original scale by scale_j on each side.
        var p = prepared.P;
        var clusters = cluster.Max() + 1;
        var collapsed = new double[clusters * p];
        for (var i = 0; i < prepared.N; i++)
        {
            for (var k = 0; k < p; k++)
            {
                var sum = 0.0;
                for (var j = 0; j < p; j++)
                {
                    sum += resid[(long)i * p + j] * scaledVariance[j, k];
                }
                collapsed[cluster[i] * p + k] += sum;
            }
        }
        var robust = new double[p, p];
        for (var c = 0; c < clusters; c++)
        {
            for (var j = 0; j < p; j++)
            {
                for (var k = 0; k < p; k++)
                {
                    robust[j, k] += collapsed[c * p + j] * collapsed[c * p + k];
                }
            }
        }
        for (var j = 0; j < p; j++)
        {
            for (var k = 0; k < p; k++)
            {
                robust[j, k] *= prepared.Scale[j] * prepared.Scale[k];
            }
        }
        return robust;
    }

    private static void InfiniteCoefficientWarning(
        CoxNewtonRaphson.Outcome newton, CoxPrepared prepared, double[] beta, double[,] variance,
        List<string> warnings, CoxOptions options, CoxData data)
    {
        var p = beta.Length;
        if (options.MaxIterations <= 1)
        {
            return;
        }
        // R: infs = |u' var| with u the final score (original scale: u_s / scale).
        var infinite = new List<string>();
        for (var k = 0; k < p; k++)
        {
            var sum = 0.0;
            var finite = true;
            for (var j = 0; j < p; j++)
            {
                var u = newton.Score[j] / prepared.Scale[j];
                finite &= double.IsFinite(u);
                sum += u * variance[j, k];
            }
            var inf = Math.Abs(sum);
            var flagged = prepared.CountingProcess
                ? !finite || inf > options.InfiniteTolerance * (1 + Math.Abs(beta[k]))
                : !finite || (inf > options.Epsilon && inf > options.InfiniteTolerance * Math.Abs(beta[k]));
            if (flagged)
            {
                infinite.Add(data.CovariateNames[k]);
            }
        }
        if (!newton.Converged)
        {
            warnings.Add($"Ran out of iterations ({options.MaxIterations}) and did not converge: check for a covariate that separates events from non-events, or rescale covariates.");
        }
        else if (infinite.Count > 0)
        {
            warnings.Add($"Loglik converged before {string.Join(", ", infinite)}; coefficient may be infinite (monotone likelihood: a covariate separates events from non-events). Consider removing it or merging levels; its standard error and Wald p-value are not meaningful, use the likelihood-ratio test.");
        }
    }

    private static void Validate(CoxData data)
    {
        var n = data.Stop.Length;
        if (data.Covariates.Length == 0)
        {
            throw new ArgumentException("A Cox model needs at least one covariate.", nameof(data));
        }
        Preconditions.SameLength(n, data.Status.Length, nameof(data.Status));
        Preconditions.SameLength(data.Covariates.Length, data.CovariateNames.Length, nameof(data.CovariateNames));
        Preconditions.SameLength(data.Covariates.Length, data.Assign.Length, nameof(data.Assign));
        foreach (var column in data.Covariates)
        {
            Preconditions.SameLength(n, column.Length, nameof(data.Covariates));
        }
        if (!Parallel.For(0, data.Covariates.Length, (j, loop) =>
            {
                foreach (var v in data.Covariates[j])
                {
                    if (!double.IsFinite(v))
                    {
                        loop.Stop();
                        return;
                    }
                }
            }).IsCompleted)
        {
            throw new ArgumentException("Covariates must be finite (exclude missing rows first).", nameof(data));
        }
        if (data.Start is not null)
        {
            Preconditions.SameLength(n, data.Start.Length, nameof(data.Start));
        }
        if (data.Strata is not null)
        {
            Preconditions.SameLength(n, data.Strata.Length, nameof(data.Strata));
        }
        if (data.Cluster is not null)
        {
            Preconditions.SameLength(n, data.Cluster.Length, nameof(data.Cluster));
        }
        var events = 0;
        for (var i = 0; i < n; i++)
        {
            if (data.Status[i] is not (0 or 1))
            {
                throw new ArgumentException($"Status must be 0 or 1; row {i} has {data.Status[i]}.", nameof(data));
            }
            if (data.Start is not null && !(data.Start[i] < data.Stop[i]))
            {
                throw new ArgumentException($"Row {i}: start must be less than stop.", nameof(data));
            }
            if (double.IsNaN(data.Stop[i]))
            {
                throw new ArgumentException($"Row {i}: stop time is NaN.", nameof(data));
            }
            events += (int)data.Status[i];
        }
        if (events == 0)
        {
            throw new ArgumentException("A Cox model needs at least one event.", nameof(data));
        }
    }
}
