using System.Collections.Immutable;

namespace Sarc.Statistics.Survival;

/// <summary>
/// One call for a whole Kaplan-Meier report (what <c>sarc km</c> prints): sorts the rows once and derives from that
/// sort the per-group curves, the reverse Kaplan-Meier follow-up and the log-rank test, so that a million rows cost
/// one sort and a few linear passes. Numbers as R <c>survfit</c>, <c>quantile</c> and <c>survdiff</c> with
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
        var data = SortedSurvivalData.Create(time, status, group, groupCount, options.MergeNearEqualTimes);
        var curves = KaplanMeier.FitGroups(data, options);
        var followUp = KaplanMeier.Kernel(data.Time, data.Status, reverse: true, options);
        var logRank = groupCount >= 2 ? LogRankTest.Compute(data) : null;

        var warnings = ImmutableArray.CreateBuilder<string>();
        if (data.MergedTimes > 0)
        {
            warnings.Add($"{data.MergedTimes} time value(s) within {TimeFix.Tolerance:G3} (absolute or relative) of a smaller one were merged with it, as R's timefix does.");
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
        return new KaplanMeierAnalysisResult(curves, followUp, followUp.Median(), logRank, data.MergedTimes, warnings.ToImmutable());
    }

    /// <summary>The analysis without groups: one curve, the follow-up, no log-rank test.</summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative, NaN or infinite time.</exception>
    public static KaplanMeierAnalysisResult Run(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, KaplanMeierOptions? options = null) =>
        Run(time, status, [], 1, options);
}
