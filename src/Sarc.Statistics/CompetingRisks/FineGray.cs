using Sarc.Statistics.Distributions;
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
public sealed class FineGray
{
    /// <summary>A model with the given options, or <see cref="FineGrayOptions.Default"/> when null.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The gradient tolerance is not &gt; 0, the confidence level not in (0, 1), or the iteration limit negative.
    /// </exception>
    public FineGray(FineGrayOptions? options = null)
    {
        Options = options ?? FineGrayOptions.Default;
        Preconditions.Positive(Options.GradientTolerance, nameof(FineGrayOptions.GradientTolerance));
        Preconditions.InOpenRange(Options.ConfidenceLevel, 0, 1, nameof(FineGrayOptions.ConfidenceLevel));
        Preconditions.NonNegative(Options.MaxIterations, nameof(FineGrayOptions.MaxIterations));
    }

    /// <summary>The options every fit uses.</summary>
    public FineGrayOptions Options { get; }

    /// <summary>
    /// What in the data this model cannot use: a time that is negative or not finite (per row), a covariate column
    /// that is constant (its coefficient cannot be estimated; R's <c>crr</c> stops in <c>solve()</c>), or a cause that
    /// never occurs. Empty when <see cref="Fit"/> can run.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths disagree, no covariate, a covariate that is not finite, or a cause of 0.</exception>
    public IReadOnlyList<DataProblem> Check(FineGrayData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var n = data.RowCount;
        var p = data.CovariateCount;
        Preconditions.Positive(p, nameof(data.Covariates));
        if (data.Cause == 0)
        {
            throw new ArgumentException("The cause must not be the censoring code 0.", nameof(data));
        }
        Preconditions.SameLength(n, data.Status.Length, nameof(data.Status));
        Preconditions.SameLength(p, data.CovariateNames.Length, nameof(data.CovariateNames));
        foreach (var column in data.Covariates)
        {
            Preconditions.SameLength(n, column.Length, nameof(data.Covariates));
            foreach (var v in column)
            {
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException($"Covariates must be finite, found {v}.", nameof(data));
                }
            }
        }
        var problems = new List<DataProblem>();
        var causeSeen = false;
        for (var i = 0; i < n; i++)
        {
            if (!(data.Time[i] >= 0) || double.IsInfinity(data.Time[i]))
            {
                problems.Add(new DataProblem($"time must be finite and >= 0, found {data.Time[i]:R}", Row: i));
            }
            causeSeen |= data.Status[i] == data.Cause;
        }
        for (var k = 0; k < p && n > 0; k++)
        {
            var column = data.Covariates[k];
            if (Array.TrueForAll(column, v => v == column[0]))
            {
                problems.Add(new DataProblem($"constant ({column[0]:R}) among the {n} rows used: its coefficient cannot be estimated", Column: k));
            }
        }
        if (!causeSeen)
        {
            problems.Add(new DataProblem($"cause {data.Cause} does not occur among the {n} rows used"));
        }
        return problems;
    }

    /// <summary>Fits the model.</summary>
    /// <exception cref="ArgumentException">As <see cref="Check"/>, or <see cref="Check"/> finds a problem (a programmer error: check first).</exception>
    public FineGrayResult Fit(FineGrayData data)
    {
        var problems = Check(data);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"{problems[0].Message} (row {problems[0].Row}, column {problems[0].Column}); call Check first.", nameof(data));
        }
        var options = Options;
        var n = data.RowCount;
        var p = data.CovariateCount;
        // The kernel reads rows: one row-major copy of the design.
        var rowMajor = new double[n * p];
        for (var k = 0; k < p; k++)
        {
            var column = data.Covariates[k];
            for (var i = 0; i < n; i++)
            {
                rowMajor[i * p + k] = column[i];
            }
        }
        var sorted = FineGraySorted.Sort(data.Time, data.Status, data.Cause, rowMajor, p);

        var beta = new double[p];
        var warnings = new List<string>();
        var converged = false;
        var iterations = 0;
        var evaluation = sorted.Evaluate(beta);
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
            var value = sorted.NegLogLikelihood(candidate);
            var halvings = 0;
            while (double.IsNaN(value) || value > evaluation.NegLogLikelihood + 1e-4 * slope)
            {
                halvings++;
                for (var k = 0; k < p; k++)
                {
                    step[k] *= 0.5;
                }
                candidate = Add(beta, step);
                value = sorted.NegLogLikelihood(candidate);
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
            evaluation = sorted.Evaluate(beta);
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
        var covariance = sorted.SandwichCovariance(beta, evaluation.Hessian);
        var rows = new CoefficientRow[p];
        var z = Probability.NormalQuantile(0.5 + options.ConfidenceLevel / 2);
        for (var k = 0; k < p; k++)
        {
            var se = Math.Sqrt(covariance[k * p + k]);
            var wald = beta[k] / se;
            rows[k] = new CoefficientRow(data.CovariateNames[k], beta[k], se, null, Math.Exp(beta[k]),
                Math.Exp(beta[k] - z * se), Math.Exp(beta[k] + z * se), wald, double.IsNaN(wald) ? double.NaN : Probability.NormalTwoSided(wald));
            if (!double.IsFinite(se))
            {
                warnings.Add($"'{data.CovariateNames[k]}' has no finite standard error (too few events of cause {data.Cause} or separation): no interval or p; drop the term or pool levels");
            }
        }
        return new FineGrayResult(n, sorted.Events, rows, covariance, -evaluation.NegLogLikelihood, nullLogLikelihood,
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
