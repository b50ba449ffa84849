using Sarc.Statistics.Hypothesis;

namespace Sarc.Studies.Analyses;

/// <summary>An exposure × outcome table built from two 0/1 columns (rows with either missing excluded) and its tests.</summary>
public sealed record TwoByTwoAnalysisResult(string Exposure, string Outcome, int Excluded, TwoByTwoTable Table, TwoByTwoResult Result, double ConfidenceLevel);
