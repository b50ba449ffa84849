namespace Sarc.Studies.Definitions;

/// <summary>
/// One cohort condition. <see cref="Field"/> is a dataset column (or <c>has</c>); a patient stays when the value is one
/// of <see cref="Values"/> (text or number equality) or, when <see cref="Operator"/> is set, when the numeric value
/// compares true with <see cref="Threshold"/>. A missing value never passes.
/// </summary>
public sealed record CohortFilter(string Field, IReadOnlyList<string> Values, string? Operator, double Threshold, int Line)
{
    /// <summary>The condition as reports show it: <c>site = trunk or retroperitoneum</c>, <c>size_cm &gt;= 5</c>.</summary>
    public override string ToString() => Operator is null ? $"{Field} = {string.Join(" or ", Values)}" : $"{Field} {Values[0]}";
}
