using Sarc.Statistics.Hypothesis;

namespace Sarc.Studies.Analyses;

/// <summary>Correlations of one column with several (pairwise complete), as <c>sarc correlate</c>.</summary>
public sealed record CorrelationAnalysis(CorrelationMethod Method, string X, IReadOnlyList<(string Name, CorrelationResult Result)> Pairs);
