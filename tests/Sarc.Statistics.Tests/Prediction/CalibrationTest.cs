using Sarc.Statistics.Prediction;

namespace Sarc.Statistics.Tests.Prediction;

public class CalibrationTest
{
    [Fact]
    public void Groups_TiedRisks_SplitInDataOrderAsNtile()
    {
        // 4 patients, 2 groups, all with the same risk: rank(ties = "first") puts rows 0, 1 in group 1.
        var outcome = PredictionOutcome.Survival([1, 2, 3, 4], [1, 0, 1, 0]);
        var groups = Calibration.Groups(outcome, [0.3, 0.3, 0.3, 0.3], 5, groups: 2);
        Assert.Equal([2, 2], groups.Select(g => g.Count));
        Assert.Equal([1, 1], groups.Select(g => g.Events));
        // Group 1 = rows 0 (event at 1) and 1 (censored at 2): KM at 5 = 1/2.
        Assert.Equal(0.5, groups[0].Observed.Risk, 14);
    }

    [Fact]
    public void Groups_UnevenCount_GivesSizesAsFloorRule()
    {
        var outcome = PredictionOutcome.Survival(Enumerable.Range(1, 23).Select(i => (double)i).ToArray(), Enumerable.Repeat(1.0, 23).ToArray());
        var risk = Enumerable.Range(0, 23).Select(i => i / 30.0).ToArray();
        var groups = Calibration.Groups(outcome, risk, 10);
        Assert.Equal(23, groups.Sum(g => g.Count));
        Assert.Equal([3, 2, 2, 3, 2, 2, 3, 2, 2, 2], groups.Select(g => g.Count));
    }

    [Fact]
    public void InTheLarge_NoCensoring_ComparesEventShareWithMeanRisk()
    {
        var outcome = PredictionOutcome.Survival([1, 2, 8, 9], [1, 1, 0, 0]);
        var large = Calibration.InTheLarge(outcome, [0.2, 0.4, 0.1, 0.3], 5);
        Assert.Equal(0.5, large.Observed.Risk, 14);
        Assert.Equal(0.25, large.Expected, 14);
        Assert.Equal(2, large.Ratio, 14);
    }
}
