namespace Sarc.Studies.Reports;

/// <summary>One study as the page shows it: id, title, cohort size and conditions, description and its analyses.</summary>
public sealed record StudySection(string Id, string Title, int N, string? Cohort, string? Description, IReadOnlyList<AnalysisSection> Analyses)
{
    /// <summary>The published quantities beside Sarc's estimates (a table and its CSV), or null when the study declares none.</summary>
    public WrittenBlock? Paper { get; init; }
}
