using Sarc.Statistics.Distributions;
using Sarc.Statistics.Survival;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Survival;

/// <summary>Tier (a): tiny data sets whose Kaplan-Meier numbers are exact fractions worked out by hand.</summary>
public class KaplanMeierTest
{
    private const double Exact = 1e-14;

    // Five patients, unsorted: deaths at 1, 3, 4; censored at 2 and 5.
    private static readonly double[] FiveTimes = [4, 1, 5, 3, 2];
    private static readonly bool[] FiveEvents = [true, true, false, true, false];

    [Fact]
    public void Fit_FivePatients_SurvivalIsProductOfConditionalFractions()
    {
        var curve = SurvivalFits.Curve(FiveTimes, FiveEvents);

        Assert.Equal([1.0, 2, 3, 4, 5], curve.Time.ToArray());
        Assert.Equal([5, 4, 3, 2, 1], curve.AtRisk.ToArray());
        Assert.Equal([1, 0, 1, 1, 0], curve.Events.ToArray());
        Assert.Equal([0, 1, 0, 0, 1], curve.Censored.ToArray());
        // S = 4/5, 4/5, 4/5 · 2/3, · 1/2, unchanged.
        double[] expected = [4.0 / 5, 4.0 / 5, 8.0 / 15, 4.0 / 15, 4.0 / 15];
        for (var i = 0; i < expected.Length; i++)
        {
            AssertNear.Relative(expected[i], curve.Survival[i], Exact, $"S[{i}]");
        }
        Assert.Equal(5, curve.N);
        Assert.Equal(3, curve.EventCount);
    }

    [Fact]
    public void Fit_FivePatients_GreenwoodSumsDOverNTimesNMinusD()
    {
        var curve = SurvivalFits.Curve(FiveTimes, FiveEvents);

        // Σ d / (n (n - d)): 1/20, then + 1/6, then + 1/2.
        AssertNear.Relative(Math.Sqrt(1.0 / 20), curve.StdErrLog[0], Exact, "se(log S) at 1");
        AssertNear.Relative(Math.Sqrt(1.0 / 20), curve.StdErrLog[1], Exact, "se(log S) at 2 (censoring only)");
        AssertNear.Relative(Math.Sqrt(13.0 / 60), curve.StdErrLog[2], Exact, "se(log S) at 3");
        AssertNear.Relative(Math.Sqrt(43.0 / 60), curve.StdErrLog[3], Exact, "se(log S) at 4");
        AssertNear.Relative(8.0 / 15 * Math.Sqrt(13.0 / 60), curve.StdErr[2], Exact, "se(S) at 3");
    }

    [Theory]
    [InlineData(ConfidenceType.Log)]
    [InlineData(ConfidenceType.LogLog)]
    [InlineData(ConfidenceType.Plain)]
    public void Fit_FivePatients_ConfidenceLimitsFollowTheTransform(ConfidenceType type)
    {
        var curve = SurvivalFits.Curve(FiveTimes, FiveEvents, new KaplanMeierOptions { ConfidenceType = type, ConfidenceLevel = 0.9 });
        var z = Probability.NormalQuantile(0.95);
        var s = 8.0 / 15;
        var se = Math.Sqrt(13.0 / 60);
        var (lower, upper) = type switch
        {
            ConfidenceType.Log => (s * Math.Exp(-z * se), Math.Min(1, s * Math.Exp(z * se))),
            ConfidenceType.LogLog => (Math.Pow(s, Math.Exp(-z * se / Math.Log(s))), Math.Pow(s, Math.Exp(z * se / Math.Log(s)))),
            _ => (Math.Max(0, s - z * s * se), Math.Min(1, s + z * s * se)),
        };
        AssertNear.Relative(lower, curve.Lower[2], 1e-12, "lower at 3");
        AssertNear.Relative(upper, curve.Upper[2], 1e-12, "upper at 3");
    }

    [Fact]
    public void Quantile_FivePatients_FirstTimeTheCurveReachesOneMinusP()
    {
        var curve = SurvivalFits.Curve(FiveTimes, FiveEvents);

        // R: quantile(fit, c(.25, .5, .75)) = 3, 4, NA; lower limits 1, 3, 3; upper NA.
        Assert.Equal(3, curve.Quantile(0.25).Estimate);
        Assert.Equal(new QuantileEstimate(4, 3, double.NaN), curve.Median());
        Assert.True(double.IsNaN(curve.Quantile(0.75).Estimate));
        Assert.Equal(3, curve.Quantile(0.75).Lower);
    }

    [Fact]
    public void Fit_TiedEventAndCensoringAtOneTime_CensoredCountAsAtRisk()
    {
        // At t = 2: 4 at risk, 2 deaths, 1 censored; the death at 4 leaves no one, so S = 0 and se(log S) = ∞.
        var curve = SurvivalFits.Curve([2, 2, 2, 4], [true, false, true, true]);

        Assert.Equal([2.0, 4], curve.Time.ToArray());
        Assert.Equal([4, 1], curve.AtRisk.ToArray());
        Assert.Equal([2, 1], curve.Events.ToArray());
        Assert.Equal([1, 0], curve.Censored.ToArray());
        Assert.Equal([0.5, 0.0], curve.Survival.ToArray());
        Assert.True(double.IsPositiveInfinity(curve.StdErrLog[1]));
        Assert.True(double.IsNaN(curve.StdErr[1]), "R's summary reports 0 · Inf = NaN");
        Assert.True(double.IsNaN(curve.Lower[1]) && double.IsNaN(curve.Upper[1]), "log limits are NA at S = 0");
    }

    [Fact]
    public void Median_CurveFlatAtHalfBetweenTwoSteps_IsMidpointOfTheFlatSegment()
    {
        // S = 1/2 on [2, 4), then 0: R's quantile and print both give (2 + 4) / 2.
        var curve = SurvivalFits.Curve([2, 2, 2, 4], [true, false, true, true]);

        Assert.Equal(3, curve.Median().Estimate);
    }

    [Fact]
    public void Median_CurveFlatAtHalfToTheEnd_IsMidpointWithTheLastTime()
    {
        // n = 4, deaths at 1 and 2, censored at 3 and 4: S stays 1/2 to the end. quantile() gives (2 + 4) / 2 = 3
        // (print() would say 2; Sarc follows quantile(), see docs/methods/kaplan-meier.md).
        var curve = SurvivalFits.Curve([1, 2, 3, 4], [true, true, false, false]);

        Assert.Equal(3, curve.Median().Estimate);
        Assert.Equal(1, curve.Median().Lower);
        Assert.True(double.IsNaN(curve.Median().Upper));
    }

    [Fact]
    public void Median_CurveWithinToleranceOfHalf_UsesTheFlatRule()
    {
        // 0.5 + 1e-12 is "at 0.5" for R (tolerance √ε), so the midpoint rule still applies.
        var time = new double[] { 1, 2, 3 };
        var survival = new double[] { 0.75, 0.5 + 1e-12, 0.25 };
        Assert.Equal(2.5, SurvivalQuantile.Find(time, survival, 0.5));
    }

    [Fact]
    public void Fit_AllCensored_CurveStaysAtOneAndMedianIsNotReached()
    {
        var curve = SurvivalFits.Curve([3, 1, 2], [false, false, false]);

        Assert.All(curve.Survival, s => Assert.Equal(1.0, s));
        Assert.All(curve.StdErrLog, s => Assert.Equal(0.0, s));
        var median = curve.Median();
        Assert.True(double.IsNaN(median.Estimate) && double.IsNaN(median.Lower) && double.IsNaN(median.Upper));
        Assert.Single(curve.Warnings);
    }

    [Fact]
    public void Fit_NoRows_GivesAnEmptyCurveWithoutMedian()
    {
        var curve = SurvivalFits.Curve([], []);

        Assert.Equal(0, curve.N);
        Assert.Empty(curve.Time);
        Assert.True(double.IsNaN(curve.Median().Estimate));
        Assert.Equal(1.0, curve.SummaryAt([5])[0].Survival);
    }

    [Fact]
    public void SummaryAt_TimesBeforeBetweenAndAfter_AsRSummaryExtend()
    {
        var curve = SurvivalFits.Curve(FiveTimes, FiveEvents);

        // Requested unsorted; R sorts them and drops infinite times.
        var rows = curve.SummaryAt([10, 0.5, double.PositiveInfinity, 3, 3.5]);

        Assert.Equal([0.5, 3, 3.5, 10], rows.Select(r => r.Time));
        Assert.Equal([5, 3, 2, 0], rows.Select(r => r.AtRisk));
        Assert.Equal(new SurvivalAtTime(0.5, 5, 1, 0, 1, 1), rows[0]);
        AssertNear.Relative(8.0 / 15, rows[1].Survival, Exact, "S(3) includes the step at 3");
        AssertNear.Relative(8.0 / 15, rows[2].Survival, Exact, "S(3.5)");
        AssertNear.Relative(4.0 / 15, rows[3].Survival, Exact, "S(10) carries the last value on");
        AssertNear.Relative(4.0 / 15 * Math.Sqrt(43.0 / 60), rows[3].StdErr, Exact, "se(S(10))");
    }

    [Fact]
    public void SummaryAt_EventAtTimeZero_NegativeTimeReadsTheTimeZeroRowAsR()
    {
        // R: no row is prepended when the curve starts at 0, and findInterval's 0 is clamped to row 1, so S(-1) is
        // the survival after the deaths at 0 (2/3 here), with 3 at risk.
        var curve = SurvivalFits.Curve([0, 2, 3], [true, true, false]);

        var rows = curve.SummaryAt([-1, 0, 1, 5]);

        AssertNear.Relative(2.0 / 3, rows[0].Survival, Exact, "S(-1)");
        AssertNear.Relative(2.0 / 3, rows[1].Survival, Exact, "S(0)");
        AssertNear.Relative(1.0 / 3, rows[3].Survival, Exact, "S(5)");
        Assert.Equal([3, 3, 2, 0], rows.Select(r => r.AtRisk));
    }

    [Fact]
    public void Fit_FollowUpCurve_CensoringIsTheEvent()
    {
        // Reverse KM of the five patients: "events" are the censorings at 2 (4 at risk) and 5 (1 at risk).
        var curve = SurvivalFits.Reverse(FiveTimes, FiveEvents);

        Assert.Equal([0, 1, 0, 0, 1], curve.Events.ToArray());
        AssertNear.Relative(3.0 / 4, curve.Survival[1], Exact, "G(2)");
        Assert.Equal(0.0, curve.Survival[4]);
        Assert.Equal(5, curve.Median().Estimate);
    }

    [Fact]
    public void Fit_GroupsFitted_EachCurveUsesOnlyItsRows()
    {
        var curves = SurvivalFits.Curves([1, 2, 3, 4, 5, 6], [true, true, false, true, false, true], [0, 1, 0, 1, 0, 1], 2);

        Assert.Equal([1.0, 3, 5], curves[0].Time.ToArray());
        AssertNear.Relative(2.0 / 3, curves[0].Survival[2], Exact, "group 0 S(5)");
        Assert.Equal([2.0, 4, 6], curves[1].Time.ToArray());
        AssertNear.Relative(0.0, curves[1].Survival[2], Exact, "group 1 S(6)");
    }

    [Fact]
    public void Fit_NearEqualTimesAcrossGroups_AreMergedBeforeTheSplit()
    {
        // 0.1 + 0.2 (group 0) and 0.3 (group 1) are one time for R; the merged value is the smaller, 0.3.
        var curves = SurvivalFits.Curves([0.1 + 0.2, 1, 0.3, 2], [true, true, true, true], [0, 0, 1, 1], 2);

        Assert.Equal(0.3, curves[0].Time[0]);
        Assert.Equal(0.3, curves[1].Time[0]);
    }

    [Fact]
    public void Fit_TimeFixDisabled_KeepsNearEqualTimesApart()
    {
        var curve = SurvivalFits.Curve([0.1 + 0.2, 0.3], [true, true], new KaplanMeierOptions { MergeNearEqualTimes = false });

        Assert.Equal(2, curve.Time.Length);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Fit_InvalidTime_Throws(double bad)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SurvivalFits.Curve([1, bad], [true, false]));
    }

    [Fact]
    public void Fit_LengthsDiffer_Throws()
    {
        Assert.Throws<ArgumentException>(() => SurvivalFits.Curve([1, 2], [true]));
    }

    [Fact]
    public void Fit_GroupCodeOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SurvivalFits.Curves([1, 2], [true, false], [0, 2], 2));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Options_ConfidenceLevelOutsideOpenUnitInterval_Throws(double level)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KaplanMeierOptions { ConfidenceLevel = level });
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Quantile_ProbabilityOutsideOpenUnitInterval_Throws(double p)
    {
        var curve = SurvivalFits.Curve(FiveTimes, FiveEvents);
        Assert.Throws<ArgumentOutOfRangeException>(() => curve.Quantile(p));
    }
}
