namespace Sarc.Studies.Running;

/// <summary>A study run: its definition, the number of patients in the cohort, and each analysis's result in definition order.</summary>
public sealed record StudyResult(StudyDefinition Definition, int N, IReadOnlyList<AnalysisResult> Analyses)
{
    /// <summary>The published quantities beside Sarc's estimates (the definition's <c>paper:</c> block).</summary>
    public IReadOnlyList<SeedComparison> SeedComparisons { get; init; } = [];
}
