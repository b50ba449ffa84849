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
    string Source);
