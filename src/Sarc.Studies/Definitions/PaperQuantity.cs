namespace Sarc.Studies.Definitions;

/// <summary>
/// One published quantity a study reproduces (its <c>paper:</c> block): the name, the paper's value, and how Sarc's
/// estimate is read from the study's results: <see cref="Estimate"/> names the reading (<c>survival</c>, <c>median</c>,
/// <c>odds_ratio</c>, <c>rate</c>, <c>hazard_ratio</c>, <c>column_median</c>, or <c>not_estimable</c> with a
/// <see cref="Reason"/>), <see cref="Analysis"/> the analysis it reads, <see cref="Options"/> its details (time, group,
/// outcome, term, column).
/// </summary>
public sealed record PaperQuantity(string Quantity, double Value, string Estimate, string? Analysis, IReadOnlyDictionary<string, string> Options, string? Reason, int Line)
{
    /// <summary>The readings a <c>paper:</c> entry may name, with the options each needs.</summary>
    public static IReadOnlyDictionary<string, string[]> Readings { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["survival"] = ["time"],
        ["median"] = [],
        ["odds_ratio"] = [],
        ["rate"] = ["outcome"],
        ["hazard_ratio"] = ["term"],
        ["column_median"] = ["column"],
        ["not_estimable"] = [],
    };
}
