namespace Sarc.Statistics.Survival;

/// <summary>
/// One coefficient row of R's <c>summary(coxph)</c>. With cluster(), <see cref="Z"/>, <see cref="P"/> and the
/// interval use the robust standard error, as R. NaN for a coefficient R reports as NA (a singular column).
/// </summary>
/// <param name="Term">The coefficient name as R prints it (<c>factor(grade)2</c>).</param>
/// <param name="Coef">log hazard ratio.</param>
/// <param name="Se">Model-based standard error (sqrt of the inverse information).</param>
/// <param name="RobustSe">Sandwich standard error grouped by cluster, or null without cluster().</param>
/// <param name="HazardRatio">exp(coef).</param>
/// <param name="HazardRatioLower">exp(coef - z * se), z the normal quantile of the confidence level.</param>
/// <param name="HazardRatioUpper">exp(coef + z * se).</param>
/// <param name="Z">coef / se (Wald).</param>
/// <param name="P">Two-sided normal p-value of <paramref name="Z"/>.</param>
public sealed record CoxCoefficient(
    string Term,
    double Coef,
    double Se,
    double? RobustSe,
    double HazardRatio,
    double HazardRatioLower,
    double HazardRatioUpper,
    double Z,
    double P);
