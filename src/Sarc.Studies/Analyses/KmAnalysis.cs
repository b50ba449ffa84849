using Sarc.Statistics.Survival;

namespace Sarc.Studies.Analyses;

/// <summary>
/// A Kaplan-Meier analysis as <c>sarc km</c> reports it: one curve per group level (or one overall), survival at the
/// requested times, the log-rank test (null without a group or with a single level) and the reverse-KM median follow-up.
/// </summary>
public sealed record KmAnalysis(
    int Excluded,
    QuantileEstimate MedianFollowUp,
    string? GroupColumn,
    string[] Levels,
    IReadOnlyList<KaplanMeierCurve> Curves,
    IReadOnlyList<SurvivalAtTime[]> At,
    LogRankResult? LogRank,
    IReadOnlyList<string> Warnings);
