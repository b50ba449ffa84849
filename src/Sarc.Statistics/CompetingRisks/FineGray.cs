using MathNet.Numerics.LinearAlgebra;

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
    /// <summary>Fits the model.</summary>
    /// <param name="time">Follow-up times (finite, &gt;= 0), any order.</param>
    /// <param name="status">0 = censored; <paramref name="failCode"/> = the cause of interest; any other value = a competing cause.</param>
    /// <param name="failCode">The cause modelled (crr's <c>failcode</c>), not 0.</param>
    /// <param name="covariates">Design matrix, n rows × <paramref name="parameters"/> columns, row-major, finite.</param>
    /// <param name="parameters">Number of covariate columns (&gt;= 1).</param>
    /// <param name="options">Options; null = <see cref="FineGrayOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">Lengths disagree, a value is out of range, a covariate column is constant, or the cause never occurs.</exception>
    public static FineGrayResult Fit(
        ReadOnlySpan<double> time, ReadOnlySpan<int> status, int failCode, ReadOnlySpan<double> covariates, int parameters,
        FineGrayOptions? options = null)
    {
        options ??= FineGrayOptions.Default;
        Preconditions.Positive(parameters, nameof(parameters));
        Preconditions.Positive(options.GradientTolerance, nameof(options.GradientTolerance));
        Preconditions.InOpenRange(options.ConfidenceLevel, 0, 1, nameof(options.ConfidenceLevel));
        if (failCode == 0)
        {
            throw new ArgumentException("failCode must not be the censoring code 0.", nameof(failCode));
        }
        var n = time.Length;
        Preconditions.SameLength(n, status.Length, nameof(status));
        Preconditions.SameLength(n * parameters, covariates.Length, nameof(covariates));
        for (var i = 0; i < n; i++)
        {
            if (!(time[i] >= 0) || double.IsInfinity(time[i]))
            {
                throw new ArgumentException($"time[{i}] must be finite and >= 0, found {time[i]}.", nameof(time));
            }
        }
        for (var i = 0; i < covariates.Length; i++)
        {
            if (!double.IsFinite(covariates[i]))
            {
                throw new ArgumentException($"covariates[{i}] must be finite, found {covariates[i]}.", nameof(covariates));
            }
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
                // The information matrix would be singular (R's crr stops in solve()).
                throw new ArgumentException($"Covariate column {k} is constant ({first}): its coefficient cannot be estimated.", nameof(covariates));
            }
        }
        var data = FineGrayData.Sort(time, status, failCode, covariates, parameters);
        if (data.Events == 0)
        {
            throw new ArgumentException($"The cause {failCode} does not occur in status.", nameof(failCode));
        }

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
                // No step lowers the pseudo-likelihood any more: the optimum up to rounding, which can stay above the
                // tight default tolerance when columns are large (spline bases). crr's own rule (gtol 1e-6) decides.
                converged = gradient < Math.Max(Math.Abs(evaluation.NegLogLikelihood), 1) * 1e-6;
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

    /// <summary>Solves H x = s for the symmetric information H (p × p row-major); LU when H is not positive definite, as R's solve().</summary>
    internal static double[] Solve(double[] hessian, double[] rhs, int p)
    {
        var matrix = Matrix<double>.Build.Dense(p, p, (double[])hessian.Clone());
        var vector = Vector<double>.Build.Dense((double[])rhs.Clone());
        return matrix.LU().Solve(vector).ToArray();
    }
}
