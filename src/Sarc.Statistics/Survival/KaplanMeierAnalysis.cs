using System.Collections.Immutable;

namespace Sarc.Statistics.Survival;

/// <summary>
/// One call for a whole Kaplan-Meier report (what <c>sarc km</c> prints): tabulates the rows by distinct time
/// (<see cref="SurvivalTable"/>), or when nearly every time is distinct sorts them once, and derives from that the
/// per-group curves, the reverse Kaplan-Meier follow-up and the log-rank test, so that a million rows cost one
/// hashing pass (or one sort) and a few short ones. Numbers as R <c>survfit</c>, <c>quantile</c> and <c>survdiff</c> with
/// <c>timefix = TRUE</c>.
/// </summary>
public static class KaplanMeierAnalysis
{
    /// <summary>
    /// Analyses rows with group codes 0 … <paramref name="groupCount"/> - 1 (pass an empty span and 1 for no groups).
    /// Times non-negative and finite, status true = event; rows with missing values removed by the caller.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, or groups are missing while groupCount ≠ 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative, NaN or infinite time, or a code outside [0, groupCount).</exception>
    public static KaplanMeierAnalysisResult Run(ReadOnlySpan<double> time, ReadOnlySpan<bool> status,
        ReadOnlySpan<int> group, int groupCount, KaplanMeierOptions? options = null)
    {
        options ??= KaplanMeierOptions.Default;
        SortedSurvivalData.Validate(time, status, group, groupCount);
        ImmutableArray<KaplanMeierCurve> curves;
        KaplanMeierCurve followUp;
        LogRankResult? logRank;
        int mergedTimes;
        // Few distinct times (the usual case: days, months to 0.01): count them instead of sorting every row.
        if (SurvivalTable.TryCreate(time, status, group, groupCount, options.MergeNearEqualTimes) is { } table)
        {
            var fitted = new KaplanMeierCurve[groupCount];
            for (var g = 0; g < groupCount; g++)
            {
                fitted[g] = KaplanMeier.Kernel(table, g, reverse: false, options);
            }
            curves = [.. fitted];
            followUp = KaplanMeier.Kernel(table, -1, reverse: true, options);
            logRank = groupCount >= 2 ? LogRankTest.Compute(table) : null;
            mergedTimes = table.MergedTimes;
        }
        else
        {
            var data = SortedSurvivalData.CreateValidated(time, status, group, groupCount, options.MergeNearEqualTimes);
            curves = KaplanMeier.FitGroups(data, options);
            followUp = KaplanMeier.Kernel(data.Time, data.Status, reverse: true, options);
            logRank = groupCount >= 2 ? LogRankTest.Compute(data) : null;
            mergedTimes = data.MergedTimes;
        }

        var warnings = ImmutableArray.CreateBuilder<string>();
        if (mergedTimes > 0)
        {
            warnings.Add($"{mergedTimes} time value(s) within {TimeFix.Tolerance:G3} (absolute or relative) of a smaller one were merged with it, as R's timefix does.");
        }
        if (logRank is not null)
        {
            warnings.AddRange(logRank.Warnings);
        }
        for (var g = 0; g < curves.Length; g++)
        {
            foreach (var warning in curves[g].Warnings)
            {
                warnings.Add(groupCount == 1 ? warning : $"Group {g}: {warning}");
            }
        }
        return new KaplanMeierAnalysisResult(curves, followUp, followUp.Median(), logRank, mergedTimes, warnings.ToImmutable());
    }

    /// <summary>The analysis without groups: one curve, the follow-up, no log-rank test.</summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative, NaN or infinite time.</exception>
    public static KaplanMeierAnalysisResult Run(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, KaplanMeierOptions? options = null) =>
        Run(time, status, [], 1, options);
}
