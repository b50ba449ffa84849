namespace Sarc.Statistics.Hypothesis;

/// <summary>
/// One variable of a Table 1: its summary per group and the test across groups. <see cref="Statistic"/> is W
/// (Wilcoxon), t, H (Kruskal-Wallis) or X² and NaN for Fisher; <see cref="DegreesOfFreedom"/> is NaN where the test
/// has none (Wilcoxon, Fisher). <see cref="P"/> is NaN, with the reason in <see cref="Warnings"/>, when the test cannot
/// be computed (one group or one level, too few values, a table too large for the exact test).
/// </summary>
public sealed record VariableComparison(
    string Name,
    VariableKind Kind,
    ComparisonTest Test,
    double Statistic,
    double DegreesOfFreedom,
    double P,
    IReadOnlyList<GroupSummary> Groups,
    IReadOnlyList<string> Warnings);
