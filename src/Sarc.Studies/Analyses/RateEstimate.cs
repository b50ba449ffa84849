using Sarc.Statistics.Hypothesis;

namespace Sarc.Studies.Analyses;

/// <summary>A proportion of patients with an outcome (0/1 column), optionally within one group level, with its exact Clopper-Pearson interval.</summary>
public sealed record RateEstimate(string Outcome, string? Group, int Events, int N, int Missing, IntervalEstimate Interval);
