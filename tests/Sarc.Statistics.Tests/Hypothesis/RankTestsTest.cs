using Sarc.Statistics.Hypothesis;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Hypothesis;

public class RankTestsTest
{
    public static TheoryData<string> WilcoxonCases => ClassicData.Keys("classic_samples", "wilcox", "case");

    public static TheoryData<string> KruskalCases => ClassicData.Keys("classic_samples", "kruskal", "case");

    [Theory]
    [MemberData(nameof(WilcoxonCases))]
    public void RankSum_ReferenceSamples_MatchRWilcoxTest(string name)
    {
        // Exact (small, no ties; W on either side of nx ny / 2), ties (normal with corrections), n >= 50 without ties.
        var expected = ClassicData.Case("classic_samples", "wilcox", "case", name);
        var groups = ClassicData.Samples(name);
        var result = WilcoxonRankSumTest.Test(groups[0], groups[1]);
        AssertNear.Relative(expected.GetProperty("w"), result.W, Tolerance.Estimate, $"{name} W");
        AssertNear.Relative(expected.GetProperty("p"), result.P, Tolerance.PValue, $"{name} p");
        Assert.Equal(expected.GetProperty("exact").GetBoolean(), result.Exact);
    }

    [Fact]
    public void RankSum_TwoBelowThree_IsTheExactOneInTen()
    {
        // x = 1, 2 below y = 3, 4, 5: W = 0, P(W <= 0) = 1 / choose(5, 2) = 0.1, two-sided 0.2.
        var result = WilcoxonRankSumTest.Test([1, 2], [3, 4, 5]);
        Assert.Equal(0, result.W);
        Assert.True(result.Exact);
        AssertNear.Relative(0.2, result.P, 1e-12, "p");
    }

    [Fact]
    public void RankSum_SwappedSamples_GiveComplementaryWAndTheSameP()
    {
        var groups = ClassicData.Samples("wilcox_ties");
        var forward = WilcoxonRankSumTest.Test(groups[0], groups[1]);
        var backward = WilcoxonRankSumTest.Test(groups[1], groups[0]);
        Assert.Equal(groups[0].Length * groups[1].Length, forward.W + backward.W);
        AssertNear.Relative(forward.P, backward.P, 1e-12, "p");
    }

    [Fact]
    public void RankSum_Ties_WarnThatTheExactPIsNotUsed()
    {
        var result = WilcoxonRankSumTest.Test([1, 2, 2], [2, 3, 4]);
        Assert.False(result.Exact);
        Assert.NotEmpty(result.Warnings);
    }

    [Theory]
    [MemberData(nameof(KruskalCases))]
    public void KruskalWallis_ReferenceSamples_MatchRKruskalTest(string name)
    {
        // Three groups with ties, four groups without, and two groups.
        var expected = ClassicData.Case("classic_samples", "kruskal", "case", name);
        var result = KruskalWallisTest.Test(ClassicData.Samples(name));
        AssertNear.Relative(expected.GetProperty("statistic"), result.ChiSquare, Tolerance.PValue, $"{name} H");
        Assert.Equal(expected.GetProperty("df").GetInt32(), result.DegreesOfFreedom);
        AssertNear.Relative(expected.GetProperty("p"), result.P, Tolerance.PValue, $"{name} p");
    }

    [Fact]
    public void KruskalWallis_HandComputedThreeGroups_MatchesTheFormula()
    {
        // Ranks 1..6 split {1, 2}, {3, 4}, {5, 6}: H = 12 / 42 (9 + 49 + 121) / 2 - 21 = 4.571428...
        var result = KruskalWallisTest.Test([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
        AssertNear.Relative(12.0 / 42 * (9 + 49 + 121) / 2 - 21, result.ChiSquare, 1e-12, "H");
    }

    [Fact]
    public void KruskalWallis_GroupOrder_DoesNotMatter()
    {
        var groups = ClassicData.Samples("kruskal_ties");
        var reversed = groups.Reverse().ToArray();
        AssertNear.Relative(KruskalWallisTest.Test(groups).ChiSquare, KruskalWallisTest.Test(reversed).ChiSquare, 1e-12, "H");
    }

    [Fact]
    public void KruskalWallis_AllValuesEqual_Throws()
    {
        Assert.Throws<ArgumentException>(() => KruskalWallisTest.Test([[1.0, 1.0], [1.0]]));
    }
}
