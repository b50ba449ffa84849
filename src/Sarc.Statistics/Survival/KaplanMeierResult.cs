using System.Collections.Immutable;

namespace Sarc.Statistics.Survival;

/// <summary>
/// The result of <see cref="KaplanMeier.Fit"/>, everything a Kaplan-Meier report shows: one curve per group, the
/// median follow-up from the reverse Kaplan-Meier curve over all rows, and the log-rank test across groups.
/// </summary>
/// <param name="Curves">One curve per group code (a single curve without groups); R <c>survfit(Surv(time, status) ~ group)</c>.</param>
/// <param name="FollowUp">The reverse Kaplan-Meier curve over all rows (censoring as the event); R <c>survfit(Surv(time, 1 - status) ~ 1)</c>.</param>
/// <param name="MedianFollowUp">Median of <paramref name="FollowUp"/> with its CI; R <c>quantile(reverse fit, 0.5)</c>.</param>
/// <param name="LogRank">R <c>survdiff(Surv(time, status) ~ group)</c>; null with a single group, where R has no test.</param>
/// <param name="MergedTimes">Distinct times merged into a nearby smaller one by <see cref="TimeFix"/> (0 when none or when disabled).</param>
/// <param name="Warnings">Statistical trouble across the analysis, for the user.</param>
public sealed record KaplanMeierResult(
    ImmutableArray<KaplanMeierCurve> Curves,
    KaplanMeierCurve FollowUp,
    QuantileEstimate MedianFollowUp,
    LogRankResult? LogRank,
    int MergedTimes,
    ImmutableArray<string> Warnings);
