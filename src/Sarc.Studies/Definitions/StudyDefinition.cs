namespace Sarc.Studies.Definitions;

/// <summary>
/// A study as its YAML file describes it: <c>id</c>, <c>title</c>, <c>cohort</c> filters (all must hold),
/// <c>derive</c>d 0/1 groupings, and the <c>analyses</c> in report order. Immutable; made by <see cref="StudyParser"/>.
/// </summary>
public sealed record StudyDefinition(
    string Id,
    string Title,
    string? Description,
    IReadOnlyList<CohortFilter> Cohort,
    IReadOnlyList<Derivation> Derived,
    IReadOnlyList<AnalysisDefinition> Analyses,
    string Source)
{
    /// <summary>The published quantities the study reproduces (its <c>paper:</c> block), in definition order.</summary>
    public IReadOnlyList<PaperQuantity> Paper { get; init; } = [];

    /// <summary>The definition's text as read (YAML), so a report can be re-run from its results.json alone.</summary>
    public string Text { get; init; } = "";

    /// <summary>Lower-case hex SHA-256 of <see cref="Text"/> in UTF-8 (of the file's bytes when it has no byte-order mark).</summary>
    public string Sha256 => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Text)));
}
