using Sarc.Studies.Definitions;

namespace Sarc.Studies.Running;

/// <summary>A study run: its definition, the number of patients in the cohort, and each analysis's result in definition order.</summary>
public sealed record StudyResult(StudyDefinition Definition, int N, IReadOnlyList<AnalysisResult> Analyses);
