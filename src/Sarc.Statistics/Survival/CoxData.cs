namespace Sarc.Statistics.Survival;

/// <summary>
/// The input of a Cox fit, in plain arrays of equal length n (one entry per row, any order).
/// </summary>
/// <param name="Start">Interval starts for counting-process data <c>Surv(start, stop, event)</c>; null for right-censored data. Start &lt; Stop.</param>
/// <param name="Stop">Event or censoring times (interval ends).</param>
/// <param name="Status">1 = event, 0 = censored.</param>
/// <param name="Covariates">The design matrix by column: <c>Covariates[j][i]</c> is covariate j of row i. No intercept, no missing values.</param>
/// <param name="CovariateNames">One name per covariate column (R's coefficient names).</param>
/// <param name="TermNames">Model terms; a factor or interaction may span several columns.</param>
/// <param name="Assign">For each covariate column, the index of its term in <paramref name="TermNames"/>.</param>
/// <param name="Strata">Stratum code per row (separate baseline hazards), or null for one stratum.</param>
/// <param name="Cluster">Cluster code per row for the robust sandwich variance, or null.</param>
public sealed record CoxData(
    double[]? Start,
    double[] Stop,
    double[] Status,
    double[][] Covariates,
    string[] CovariateNames,
    string[] TermNames,
    int[] Assign,
    int[]? Strata = null,
    int[]? Cluster = null)
{
    /// <summary>
    /// The fit may overwrite the arrays of <see cref="Covariates"/> (their contents are unspecified afterwards): a
    /// million-row model then holds its covariates once, not twice. For callers that read the columns nowhere else
    /// (the <c>sarc cox</c> command). Ignored, and the arrays left alone, when a robust variance is asked for
    /// (<see cref="Cluster"/>), the reference kernel is used, or an array appears twice or is also a time or status.
    /// </summary>
    public bool CovariatesReusable { get; init; }

    /// <summary>Number of rows n (intervals for counting-process data), the length of <see cref="Stop"/>.</summary>
    public int RowCount => Stop.Length;

    /// <summary>Number of covariate columns p, the length of <see cref="Covariates"/>.</summary>
    public int CovariateCount => Covariates.Length;

    /// <summary>Data with one term per covariate column, named after the columns.</summary>
    public static CoxData Simple(double[] stop, double[] status, double[][] covariates, string[] names, int[]? strata = null) =>
        new(null, stop, status, covariates, names, names, Enumerable.Range(0, names.Length).ToArray(), strata);
}
