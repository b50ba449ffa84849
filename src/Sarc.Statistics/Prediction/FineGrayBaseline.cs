using Sarc.Statistics.CompetingRisks;

namespace Sarc.Statistics.Prediction;

/// <summary>
/// The baseline cumulative subdistribution hazard of a Fine-Gray model, as <c>cmprsk::crr</c>'s <c>bfitj</c> summed
/// over its <c>uftime</c>: at each time with failures of the cause, d / S0(β), S0 the censoring-weighted risk set sum
/// of exp(xβ) of the fit. <c>predict.crr</c>'s cumulative incidence is then 1 − exp(−Λ₀(t) exp(xβ)) (no centring).
/// </summary>
public static class FineGrayBaseline
{
    /// <summary>Λ₀ at each of <paramref name="at"/> for coefficients <paramref name="beta"/>.</summary>
    /// <param name="time">Follow-up times (finite, &gt;= 0).</param>
    /// <param name="status">0 = censored, <paramref name="cause"/> = the cause, another positive code = competing.</param>
    /// <param name="cause">The cause modelled.</param>
    /// <param name="covariates">The design by column (<c>covariates[k][i]</c>), beta.Length columns of n rows, as <see cref="FineGrayData"/> holds it.</param>
    /// <param name="beta">Coefficients (the fit's, or fixed ones for recalibration).</param>
    /// <param name="at">Times at which to read Λ₀.</param>
    /// <exception cref="ArgumentException">Lengths differ or a value is out of range.</exception>
    public static double[] CumulativeSubdistributionHazard(
        ReadOnlySpan<double> time, ReadOnlySpan<int> status, int cause, IReadOnlyList<double[]> covariates, double[] beta,
        ReadOnlySpan<double> at)
    {
        var n = time.Length;
        var p = beta.Length;
        Preconditions.Positive(p, nameof(beta));
        Preconditions.SameLength(n, status.Length, nameof(status));
        Preconditions.SameLength(p, covariates.Count, nameof(covariates));
        // The kernel reads rows: one row-major copy of the design.
        var rowMajor = new double[n * p];
        for (var k = 0; k < p; k++)
        {
            Preconditions.SameLength(n, covariates[k].Length, nameof(covariates));
            for (var i = 0; i < n; i++)
            {
                rowMajor[i * p + k] = covariates[k][i];
            }
        }
        var data = FineGraySorted.Sort(time, status, cause, rowMajor, p);
        var (times, jumps) = data.BaselineJumps(beta);
        return SortedTimes.CumulativeAt(times, jumps, at);
    }
}
