using Sarc.Studies.Running;

namespace Sarc.Studies.Reports;

/// <summary>What a kind needs to present one analysis: the study, the analysis and the study's labels.</summary>
public sealed record ReportContext(StudyDefinition Study, AnalysisDefinition Analysis, ReportLabels Labels)
{
    /// <summary>The data the report was computed from (its provenance's snapshot), or null when the report has no provenance.</summary>
    public DataSnapshot? Data { get; init; }
}
