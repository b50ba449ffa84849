using Sarc.Statistics.Survival;

namespace Sarc.Statistics.Tests.Survival;

/// <summary>The Kaplan-Meier tests' data written with bool events (true = event), fitted through the one public entry point.</summary>
internal static class SurvivalFits
{
    public static SurvivalData Data(double[] time, bool[] status, int[]? group = null, int groupCount = 1) =>
        new(time, status.Select(e => e ? 1.0 : 0.0).ToArray(), group, groupCount);

    public static KaplanMeierResult Analysis(double[] time, bool[] status, int[]? group = null, int groupCount = 1, KaplanMeierOptions? options = null) =>
        new KaplanMeier(options).Fit(Data(time, status, group, groupCount));

    public static KaplanMeierResult Analysis(double[] time, bool[] status, KaplanMeierOptions? options) =>
        Analysis(time, status, null, 1, options);

    /// <summary>The one curve of ungrouped data.</summary>
    public static KaplanMeierCurve Curve(double[] time, bool[] status, KaplanMeierOptions? options = null) =>
        Analysis(time, status, options).Curves[0];

    public static IReadOnlyList<KaplanMeierCurve> Curves(double[] time, bool[] status, int[] group, int groupCount) =>
        Analysis(time, status, group, groupCount).Curves;

    /// <summary>The reverse Kaplan-Meier curve (censoring as the event).</summary>
    public static KaplanMeierCurve Reverse(double[] time, bool[] status) => Analysis(time, status).FollowUp;

    public static LogRankResult LogRank(double[] time, bool[] status, int[] group, int groupCount) =>
        LogRankTest.Test(Data(time, status, group, groupCount));
}
