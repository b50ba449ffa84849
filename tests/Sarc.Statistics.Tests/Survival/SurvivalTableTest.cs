using Sarc.Statistics.Survival;

namespace Sarc.Statistics.Tests.Survival;

/// <summary>
/// The tabulated Kaplan-Meier path against the row-sorted one, its oracle: the same curves, follow-up and log-rank
/// statistic, double for double, on the edges both must handle.
/// </summary>
public class SurvivalTableTest
{
    // Each case is an edge of the tabulation: ties (whole months), one group, all censored, no censoring, a group
    // code without rows, times that the time fix merges (0.1 + 0.2 next to 0.3), -0.0 next to 0, and enough
    // distinct times to grow the hash table several times.
    [Theory]
    [InlineData(400, 3, 60, 0.5, false)]
    [InlineData(400, 1, 60, 0.5, false)]
    [InlineData(300, 2, 40, 0.0, false)]
    [InlineData(300, 2, 40, 1.0, false)]
    [InlineData(300, 4, 40, 0.5, true)]
    [InlineData(200_000, 4, 12_000, 0.6, false)]
    public void Run_Tabulated_EqualsRowSorted(int n, int groups, int distinctTimes, double eventShare, bool emptyGroup)
    {
        var random = new Random(n + groups + distinctTimes);
        var time = new double[n];
        var status = new bool[n];
        var group = new int[n];
        for (var i = 0; i < n; i++)
        {
            time[i] = random.Next(distinctTimes) / 10.0;
            status[i] = random.NextDouble() < eventShare;
            group[i] = groups == 1 ? 0 : emptyGroup ? random.Next(groups - 1) : random.Next(groups);
        }
        time[0] = 0.1 + 0.2;
        time[1] = 0.3;
        time[2] = -0.0;
        time[3] = 0.0;
        AssertSame(time, status, groups == 1 ? [] : group, groups);
    }

    [Fact]
    public void TryCreate_MostlyDistinctTimes_LeavesItToTheSort()
    {
        var time = Enumerable.Range(0, 1000).Select(i => i * 0.37).ToArray();
        Assert.Null(SurvivalTable.TryCreate(time, new bool[1000], [], 1, mergeNearEqualTimes: true));
        Assert.Null(SurvivalTable.TryCreate([1.0, 2.0], [true, false], [], 1, mergeNearEqualTimes: true));
    }

    [Fact]
    public void TryCreate_HalvesEachUnderTheLimitButNotTogether_LeavesItToTheSort()
    {
        // Large enough to be counted in two halves: each half has 40,000 distinct times (under a quarter of all
        // rows, 65,536), the two together 80,000 (over it).
        var n = 1 << 18;
        var time = new double[n];
        for (var i = 0; i < n; i++)
        {
            time[i] = i < n / 2 ? i % 40_000 : 40_000 + i % 40_000;
        }
        Assert.Null(SurvivalTable.TryCreate(time, new bool[n], [], 1, mergeNearEqualTimes: true));
        time[^1] = 0;
        for (var i = n / 2; i < n; i++)
        {
            time[i] = i % 40_000;
        }
        Assert.NotNull(SurvivalTable.TryCreate(time, new bool[n], [], 1, mergeNearEqualTimes: true));
    }

    [Fact]
    public void TryCreate_CountedInTwoHalves_SameTableEveryRun()
    {
        var random = new Random(7);
        var n = 300_000;
        var time = Enumerable.Range(0, n).Select(_ => random.Next(5000) / 100.0).ToArray();
        var status = Enumerable.Range(0, n).Select(_ => random.Next(2) == 1).ToArray();
        var group = Enumerable.Range(0, n).Select(_ => random.Next(3)).ToArray();
        var first = SurvivalTable.TryCreate(time, status, group, 3, mergeNearEqualTimes: true)!;
        for (var run = 0; run < 5; run++)
        {
            var again = SurvivalTable.TryCreate(time, status, group, 3, mergeNearEqualTimes: true)!;
            Assert.Equal(first.Time, again.Time);
            Assert.Equal(first.Events, again.Events);
            Assert.Equal(first.Censored, again.Censored);
            Assert.Equal(first.GroupSize, again.GroupSize);
        }
        Assert.Equal(n, first.RowCount);
    }

    [Fact]
    public void TryCreate_NearEqualTimes_MergedAndCountedAsR()
    {
        // 0.1 + 0.2 and 0.3 are one time for R (aeqSurv): one merge, and their rows counted together.
        double[] time = [0.3, 0.1 + 0.2, 0.3, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2];
        bool[] status = [true, true, false, true, false, true, true, true, false, false, true, true, false, false, false, false];
        var table = SurvivalTable.TryCreate(time, status, [], 1, mergeNearEqualTimes: true);
        Assert.NotNull(table);
        Assert.Equal(1, table.MergedTimes);
        Assert.Equal([0.3, 1, 2], table.Time);
        Assert.Equal([2, 4, 2], table.Events);
        Assert.Equal([1, 1, 6], table.Censored);
    }

    private static void AssertSame(double[] time, bool[] status, int[] group, int groups)
    {
        var options = KaplanMeierOptions.Default;
        var table = SurvivalTable.TryCreate(time, status, group, groups, options.MergeNearEqualTimes);
        Assert.NotNull(table);
        var sorted = SortedSurvivalData.Create(time, status, group, groups, options.MergeNearEqualTimes);
        Assert.Equal(sorted.MergedTimes, table.MergedTimes);
        for (var g = 0; g < groups; g++)
        {
            AssertSameCurve(KaplanMeier.Kernel(sorted.GroupTime(g), sorted.GroupStatus(g), reverse: false, options),
                KaplanMeier.Kernel(table, g, reverse: false, options));
        }
        AssertSameCurve(KaplanMeier.Kernel(sorted.Time, sorted.Status, reverse: true, options), KaplanMeier.Kernel(table, -1, reverse: true, options));
        if (groups >= 2)
        {
            var plain = LogRankTest.Test(sorted);
            var fast = LogRankTest.Test(table);
            Assert.Equal(plain.ChiSquare, fast.ChiSquare);
            Assert.Equal(plain.Observed.ToArray(), fast.Observed.ToArray());
            Assert.Equal(plain.Expected.ToArray(), fast.Expected.ToArray());
            Assert.Equal(plain.Warnings.ToArray(), fast.Warnings.ToArray());
        }
    }

    private static void AssertSameCurve(KaplanMeierCurve expected, KaplanMeierCurve actual)
    {
        Assert.Equal(expected.N, actual.N);
        Assert.Equal(expected.EventCount, actual.EventCount);
        // -0.0 and 0.0 are one time; the sort keeps whichever it met first, the table +0.0 as the radix sort does.
        Assert.Equal(expected.Time.Select(t => t == 0 ? 0.0 : t), actual.Time.ToArray());
        Assert.Equal(expected.AtRisk.ToArray(), actual.AtRisk.ToArray());
        Assert.Equal(expected.Events.ToArray(), actual.Events.ToArray());
        Assert.Equal(expected.Censored.ToArray(), actual.Censored.ToArray());
        Assert.Equal(expected.Survival.ToArray(), actual.Survival.ToArray());
        Assert.Equal(expected.StdErrLog.ToArray(), actual.StdErrLog.ToArray());
        Assert.Equal(expected.Lower.ToArray(), actual.Lower.ToArray());
        Assert.Equal(expected.Upper.ToArray(), actual.Upper.ToArray());
    }
}
