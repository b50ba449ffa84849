using Sarc.Studies.Definitions;

namespace Sarc.Studies.Reports;

/// <summary>What a kind needs to present one analysis: the study, the analysis and the study's labels.</summary>
public sealed record ReportContext(StudyDefinition Study, AnalysisDefinition Analysis, ReportLabels Labels);
