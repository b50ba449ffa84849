using Sarc.Statistics;
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
    IReadOnlyList<string> Warnings)
{
    /// <summary>How the curves were estimated: <c>kaplan-meier</c>, <c>landmark</c> or <c>simon-makuch</c>.</summary>
    public string Method { get; init; } = "kaplan-meier";

    /// <summary>The landmark in months (time runs from it; groups are the status then), or null.</summary>
    public double? Landmark { get; init; }

    /// <summary>Patients not alive and event-free at the landmark, left out of a landmark analysis.</summary>
    public int LandmarkExcluded { get; init; }

    /// <summary>Simon-Makuch: the Mantel-Byar test (the score test of the Cox model with the time-dependent grouping), else null.</summary>
    public ChiSquareTest? MantelByar { get; init; }

    /// <summary>Simon-Makuch: each group's counting-process rows, for the numbers at risk; null for right-censored curves.</summary>
    public IReadOnlyList<RiskRows>? RiskRows { get; init; }

    /// <summary>Numbers at risk in group <paramref name="group"/> at <paramref name="time"/> (as R's summary(fit, times) for right-censored curves).</summary>
    public int AtRisk(int group, double time)
    {
        if (RiskRows is { } rows)
        {
            return rows[group].AtRisk(time);
        }
        var curve = Curves[group];
        for (var i = 0; i < curve.Time.Length; i++)
        {
            if (curve.Time[i] >= time)
            {
                return curve.AtRisk[i];
            }
        }
        return 0;
    }
}
