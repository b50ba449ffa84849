namespace Sarc.Statistics;

/// <summary>
/// One coefficient row of a regression on the log hazard scale, shared by Cox (R's <c>summary(coxph)</c>) and
/// Fine-Gray (<c>summary(crr)</c>, subdistribution hazards). With a robust variance (Cox with cluster(), every
/// Fine-Gray fit), <see cref="Z"/>, <see cref="P"/> and the interval use the robust standard error, as R. NaN where R
/// reports NA (a singular column, a standard error that is not finite).
/// </summary>
/// <param name="Term">The coefficient name as R prints it (<c>factor(grade)2</c>).</param>
/// <param name="Coef">log hazard ratio.</param>
/// <param name="Se">Standard error: model-based for Cox (sqrt of the inverse information), the sandwich one for Fine-Gray.</param>
/// <param name="RobustSe">Cox: the sandwich standard error grouped by cluster, or null without cluster(); Fine-Gray: null.</param>
/// <param name="HazardRatio">exp(coef).</param>
/// <param name="HazardRatioLower">exp(coef - z * se), z the normal quantile of the confidence level.</param>
/// <param name="HazardRatioUpper">exp(coef + z * se).</param>
/// <param name="Z">coef / se (Wald).</param>
/// <param name="P">Two-sided normal p-value of <paramref name="Z"/>.</param>
public sealed record CoefficientRow(
    string Term,
    double Coef,
    double Se,
    double? RobustSe,
    double HazardRatio,
    double HazardRatioLower,
    double HazardRatioUpper,
    double Z,
    double P);
