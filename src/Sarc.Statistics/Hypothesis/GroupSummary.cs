namespace Sarc.Statistics.Hypothesis;

/// <summary>
/// One group's column of a Table 1 row. <see cref="N"/> counts non-missing values, <see cref="Missing"/> the missing
/// ones. Continuous: <see cref="Median"/>, <see cref="Q1"/>, <see cref="Q3"/> as gtsummary (median(), quantile type 2),
/// NaN when the group has no values, and <see cref="Levels"/> empty. Categorical: the quartiles are NaN and
/// <see cref="Levels"/> lists every level of the variable (also those with count 0 in this group).
/// </summary>
public sealed record GroupSummary(
    string Group,
    int N,
    int Missing,
    double Median,
    double Q1,
    double Q3,
    IReadOnlyList<LevelCount> Levels);
