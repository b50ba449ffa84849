namespace Sarc.Studies.Analyses;

/// <summary>Proportions with exact (Clopper-Pearson) confidence intervals, as R <c>binom.test(x, n)$conf.int</c>.</summary>
public sealed record RatesAnalysis(string? GroupColumn, double ConfidenceLevel, IReadOnlyList<RateEstimate> Rates);
