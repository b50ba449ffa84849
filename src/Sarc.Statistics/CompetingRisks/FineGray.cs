using Sarc.Statistics.Survival;

namespace Sarc.Statistics.CompetingRisks;

/// <summary>
/// Fine and Gray's (1999) proportional subdistribution hazards regression, as R
/// <c>cmprsk::crr(ftime, fstatus, cov1, failcode, cencode = 0)</c> with one censoring group: Newton-Raphson with
/// crr's step halving on the inverse-probability-of-censoring weighted partial likelihood, and crr's robust
/// sandwich variance including the term for the estimated censoring distribution. crr's double and triple loops
/// are rewritten as prefix and suffix sums over the sorted data (same sums, O(n p²) per iteration); the
/// derivation is in docs/methods/competing-risks.md.
/// </summary>
public static class FineGray
{
    /// <summary>
    /// What in the data this model cannot use: a time that is negative or not finite (per row), a covariate column
    /// that is constant (its coefficient cannot be estimated; R's <c>crr</c> stops in <c>solve()</c>), or a cause that
    /// never occurs. Empty when <see cref="Fit"/> can run.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths disagree, fewer than one covariate, a covariate that is not finite, or <paramref name="failCode"/> is 0.</exception>
    public static IReadOnlyList<DataProblem> Check(
        ReadOnlySpan<double> time, ReadOnlySpan<int> status, int failCode, ReadOnlySpan<double> covariates, int parameters)
    {
        Preconditions.Positive(parameters, nameof(parameters));
        if (failCode == 0)
        {
            throw new ArgumentException("failCode must not be the censoring code 0.", nameof(failCode));
        }
        var n = time.Length;
        Preconditions.SameLength(n, status.Length, nameof(status));
        Preconditions.SameLength(n * parameters, covariates.Length, nameof(covariates));
        for (var i = 0; i < covariates.Length; i++)
        {
            if (!double.IsFinite(covariates[i]))
            {
                throw new ArgumentException($"covariates[{i}] must be finite, found {covariates[i]}.", nameof(covariates));
            }
        }
        var problems = new List<DataProblem>();
        var causeSeen = false;
        for (var i = 0; i < n; i++)
        {
            if (!(time[i] >= 0) || double.IsInfinity(time[i]))
            {
                problems.Add(new DataProblem($"time must be finite and >= 0, found {time[i]:R}", Row: i));
            }
            causeSeen |= status[i] == failCode;
        }
        for (var k = 0; k < parameters && n > 0; k++)
        {
            var first = covariates[k];
            var constant = true;
            for (var i = 1; i < n && constant; i++)
            {
                constant = covariates[i * parameters + k] == first;
            }
            if (constant)
            {
                problems.Add(new DataProblem($"constant ({first:R}) among the {n} rows used: its coefficient cannot be estimated", Column: k));
            }
        }
        if (!causeSeen)
        {
            problems.Add(new DataProblem($"cause {failCode} does not occur among the {n} rows used"));
        }
        return problems;
    }

    /// <summary>Fits the model.</summary>
    /// <param name="time">Follow-up times (finite, &gt;= 0), any order.</param>
    /// <param name="status">0 = censored; <paramref name="failCode"/> = the cause of interest; any other value = a competing cause.</param>
    /// <param name="failCode">The cause modelled (crr's <c>failcode</c>), not 0.</param>
    /// <param name="covariates">Design matrix, n rows × <paramref name="parameters"/> columns, row-major, finite.</param>
    /// <param name="parameters">Number of covariate columns (&gt;= 1).</param>
    /// <param name="options">Options; null = <see cref="FineGrayOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">Lengths disagree, a covariate is not finite, or <see cref="Check"/> finds a problem (a programmer error: check first).</exception>
    public static FineGrayResult Fit(
        ReadOnlySpan<double> time, ReadOnlySpan<int> status, int failCode, ReadOnlySpan<double> covariates, int parameters,
        FineGrayOptions? options = null)
    {
        options ??= FineGrayOptions.Default;
        Preconditions.Positive(options.GradientTolerance, nameof(options.GradientTolerance));
        Preconditions.InOpenRange(options.ConfidenceLevel, 0, 1, nameof(options.ConfidenceLevel));
        var problems = Check(time, status, failCode, covariates, parameters);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"{problems[0].Message} (row {problems[0].Row}, column {problems[0].Column}); call Check first.", nameof(time));
        }
        var n = time.Length;
        var data = FineGrayData.Sort(time, status, failCode, covariates, parameters);

        var p = parameters;
        var beta = new double[p];
        var warnings = new List<string>();
        var converged = false;
        var iterations = 0;
        var evaluation = data.Evaluate(beta);
        var nullLogLikelihood = -evaluation.NegLogLikelihood;
        for (var iteration = 0; ; iteration++)
        {
            double gradient = 0;
            for (var k = 0; k < p; k++)
            {
                gradient = Math.Max(gradient, Math.Abs(evaluation.Score[k]) * Math.Max(Math.Abs(beta[k]), 1));
            }
            if (gradient < Math.Max(Math.Abs(evaluation.NegLogLikelihood), 1) * options.GradientTolerance)
            {
                converged = true;
                break;
            }
            if (iteration == options.MaxIterations)
            {
                break;
            }
            var step = Solve(evaluation.Hessian, evaluation.Score, p);
            double slope = 0;
            for (var k = 0; k < p; k++)
            {
                step[k] = -step[k];
                slope += step[k] * evaluation.Score[k];
            }
            // crr's backtracking: halve the step until the Armijo condition holds, at most 20 times.
            var candidate = Add(beta, step);
            var value = data.NegLogLikelihood(candidate);
            var halvings = 0;
            while (double.IsNaN(value) || value > evaluation.NegLogLikelihood + 1e-4 * slope)
            {
                halvings++;
                for (var k = 0; k < p; k++)
                {
                    step[k] *= 0.5;
                }
                candidate = Add(beta, step);
                value = data.NegLogLikelihood(candidate);
                if (halvings > 20)
                {
                    break;
                }
            }
            if (halvings > 20)
            {
                break;
            }
            beta = candidate;
            iterations++;
            evaluation = data.Evaluate(beta);
        }
        if (!converged)
        {
            warnings.Add($"The fit did not converge in {iterations} iterations; the estimates are not reliable (check for a covariate that separates the cause, or collinear columns).");
        }
        for (var k = 0; k < p; k++)
        {
            if (Math.Abs(beta[k]) > 20)
            {
                warnings.Add($"Coefficient {k + 1} is {beta[k]:G4}: it may be infinite (a covariate level with no or only events of the cause).");
            }
        }
        var covariance = data.SandwichCovariance(beta, evaluation.Hessian);
        return new FineGrayResult(n, data.Events, beta, covariance, -evaluation.NegLogLikelihood, nullLogLikelihood,
            converged, iterations, options.ConfidenceLevel, warnings);
    }

    private static double[] Add(double[] a, double[] b)
    {
        var sum = new double[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    /// <summary>Solves H x = s for the information H (p × p row-major) as R's solve(); NaN when H is singular.</summary>
    internal static double[] Solve(double[] hessian, double[] rhs, int p)
    {
        var matrix = new double[p, p];
        for (var k = 0; k < p; k++)
        {
            for (var l = 0; l < p; l++)
            {
                matrix[k, l] = hessian[k * p + l];
            }
        }
        return SmallLinearSystem.Solve(matrix, rhs) ?? Enumerable.Repeat(double.NaN, p).ToArray();
    }
}
