namespace Sarc.Statistics.Survival;

/// <summary>
/// Newton-Raphson with step-halving for the Cox partial likelihood, step for step as R's coxfit6 (right-censored)
/// and agfit4 (counting process). Inputs: a kernel, the number of coefficients, the options. Starts at beta = 0;
/// the score test is computed there. Each step solves I d = U with the generalized Cholesky; a step whose
/// log-likelihood is not finite or lower than the best so far is halved towards the last accepted beta
/// (new = (new + h beta) / (h + 1), h the number of halvings). Converged when |1 - best / new| &lt;= eps
/// (agfit4 also requires that no halving is under way). Outputs: beta and variance in the kernel's coordinates,
/// log-likelihoods, the final score, rank, iterations and a convergence flag.
/// </summary>
internal static class CoxNewtonRaphson
{
    internal sealed record Outcome(
        double[] Beta,
        double[,] Variance,
        double[] Score,
        double LogLikelihoodNull,
        double LogLikelihood,
        double ScoreTest,
        int Rank,
        int Iterations,
        bool Converged,
        IReadOnlyList<string> Warnings);

    public static Outcome Run(ICoxKernel kernel, int p, CoxOptions options, bool countingProcess)
    {
        var beta = new double[p];
        var newBeta = new double[p];
        var u = new double[p];
        var imat = new double[p, p];
        var warnings = new List<string>();
        var tolerance = options.CholeskyTolerance;

        var loglikNull = kernel.Evaluate(beta, u, imat);
        var step = (double[])u.Clone();
        var rank = CoxCholesky.Decompose(imat, tolerance);
        CoxCholesky.Solve(imat, step);
        var scoreTest = 0.0;
        for (var j = 0; j < p; j++)
        {
            scoreTest += u[j] * step[j];
        }
        if (options.MaxIterations == 0 || !double.IsFinite(loglikNull))
        {
            CoxCholesky.Invert(imat);
            return new Outcome(beta, imat, u, loglikNull, loglikNull, scoreTest, rank, 0, options.MaxIterations == 0, warnings);
        }

        var best = loglikNull;
        for (var j = 0; j < p; j++)
        {
            newBeta[j] = beta[j] + step[j];
        }
        var halving = 0;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            var loglik = kernel.Evaluate(newBeta, u, imat);
            var rank2 = CoxCholesky.Decompose(imat, tolerance);
            var notFinite = !double.IsFinite(loglik);
            for (var j = 0; j < p; j++)
            {
                notFinite |= !double.IsFinite(u[j]) || !double.IsFinite(imat[j, j]);
            }
            if (countingProcess)
            {
                notFinite |= rank2 != rank;
            }
            var passed = !notFinite && Math.Abs(1 - best / loglik) <= options.Epsilon && (!countingProcess || halving == 0);
            if (passed)
            {
                CoxCholesky.Invert(imat);
                return new Outcome(newBeta, imat, u, loglikNull, loglik, scoreTest, rank2, iteration, true, warnings);
            }
            if (notFinite || loglik < best)
            {
                halving++;
                for (var j = 0; j < p; j++)
                {
                    newBeta[j] = (newBeta[j] + halving * beta[j]) / (halving + 1.0);
                }
            }
            else
            {
                halving = 0;
                best = loglik;
                CoxCholesky.Solve(imat, u);
                for (var j = 0; j < p; j++)
                {
                    beta[j] = newBeta[j];
                    newBeta[j] += u[j];
                }
            }
        }

        // Out of iterations: report the last accepted beta, with its information recomputed.
        var last = kernel.Evaluate(beta, u, imat);
        var finalRank = CoxCholesky.Decompose(imat, tolerance);
        CoxCholesky.Invert(imat);
        return new Outcome(beta, imat, u, loglikNull, last, scoreTest, finalRank, options.MaxIterations, false, warnings);
    }
}
