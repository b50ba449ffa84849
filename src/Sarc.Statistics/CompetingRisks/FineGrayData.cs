namespace Sarc.Statistics.CompetingRisks;

/// <summary>
/// The input of a Fine-Gray fit, in plain arrays of equal length n (one entry per row, any order); the covariates by
/// column, as <see cref="Survival.CoxData"/> holds them.
/// </summary>
/// <param name="Time">Follow-up times (finite, &gt;= 0).</param>
/// <param name="Status">0 = censored; <paramref name="Cause"/> = the cause modelled; any other code = a competing cause.</param>
/// <param name="Cause">The cause modelled (crr's <c>failcode</c>), not 0.</param>
/// <param name="Covariates">The design matrix by column: <c>Covariates[j][i]</c> is covariate j of row i. No intercept, no missing values.</param>
/// <param name="CovariateNames">One name per covariate column (R's coefficient names).</param>
public sealed record FineGrayData(double[] Time, int[] Status, int Cause, double[][] Covariates, string[] CovariateNames)
{
    /// <summary>Number of rows n, the length of <see cref="Time"/>.</summary>
    public int RowCount => Time.Length;

    /// <summary>Number of covariate columns p (0 for a model without covariates).</summary>
    public int CovariateCount => Covariates.Length;
}
