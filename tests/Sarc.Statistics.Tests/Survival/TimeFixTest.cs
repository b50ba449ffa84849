using Sarc.Statistics.Survival;

namespace Sarc.Statistics.Tests.Survival;

public class TimeFixTest
{
    [Fact]
    public void Merge_FloatingPointTwins_TakeTheSmallerValue()
    {
        var merged = TimeFix.Merge([0.1 + 0.2, 5, 0.3]);

        Assert.Equal([0.3, 5, 0.3], merged);
    }

    [Fact]
    public void Merge_ChainOfSmallGaps_CollapsesOntoTheFirst()
    {
        // Each gap is 1e-8 (below √ε) though the ends are 2e-8 apart: runs chain, as aeqSurv's cuts do.
        var merged = TimeFix.Merge([1 + 2e-8, 1, 1 + 1e-8, 3]);

        Assert.Equal([1.0, 1, 1, 3], merged);
    }

    [Fact]
    public void Merge_GapAboveAbsoluteButBelowRelativeTolerance_Merges()
    {
        // Distinct times 1000 and 1000 + 3e-6: the gap exceeds √ε but is ≈ 3e-9 of the mean time.
        var merged = TimeFix.Merge([1000, 1000 + 3e-6]);

        Assert.Equal([1000.0, 1000], merged);
    }

    [Fact]
    public void Merge_WellSeparatedTimes_AreUnchanged()
    {
        double[] times = [2, 2.001, 0, 7];

        Assert.Equal(times, TimeFix.Merge(times));
    }

    [Fact]
    public void Merge_NonFiniteTime_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeFix.Merge([1, double.NaN]));
    }

    [Fact]
    public void Apply_StartAndStop_AreMergedTogetherAsCoxphDoes()
    {
        // 0.1 + 0.2 as a stop and 0.3 as a later start are one time, the smaller: the next interval starts where the first ends.
        double[] start = [0, 0.3, 0];
        double[] stop = [0.1 + 0.2, 1, 2];
        var (newStart, newStop) = TimeFix.Apply(start, stop);
        Assert.Equal([0.3, 1, 2], newStop);
        Assert.Equal([0.0, 0.3, 0], newStart!);
    }

    [Fact]
    public void Apply_NothingToMerge_ReturnsTheSameArrays()
    {
        double[] stop = [1, 2, 3];
        var (start, merged) = TimeFix.Apply(null, stop);
        Assert.Null(start);
        Assert.Same(stop, merged);
    }

    [Fact]
    public void Apply_InfiniteTime_IsLeftOutOfTheMerge()
    {
        // An infinite time would make the mean infinite and every gap "small" relative to it.
        double[] stop = [1, 2, double.PositiveInfinity];
        Assert.Same(stop, TimeFix.Apply(null, stop).Stop);
    }
}
