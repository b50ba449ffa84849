using Sarc.Statistics.Hypothesis;

namespace Sarc.Studies.Analyses;

/// <summary>A "Table 1": the grouping column, rows excluded for a missing group, the levels and their sizes, and one comparison per variable.</summary>
public sealed record CompareAnalysis(string Group, int Excluded, string[] Levels, int[] GroupSizes, IReadOnlyList<VariableComparison> Variables);
