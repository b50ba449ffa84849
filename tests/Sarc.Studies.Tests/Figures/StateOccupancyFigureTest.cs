using Sarc.Statistics.Multistate;
using Sarc.Studies.Figures;

namespace Sarc.Studies.Tests.Figures;

/// <summary>The state-occupancy figure's axis stops, like the Kaplan-Meier figure's, where fewer than 10% remain followed.</summary>
public class StateOccupancyFigureTest
{
    [Fact]
    public void AxisEnd_StopsAtTheLastTimeWithAtLeastATenthOfSubjectsAtRisk()
    {
        // 20 subjects, two states (entry, death): at risk 20, 10, 2, 1 just before times 1, 5, 9, 30.
        // At least 10% of 20 is 2, so the axis ends at 9, not at the last time 30.
        var result = Result(20, [1, 5, 9, 30], [20, 10, 2, 1]);

        Assert.Equal(9, StateOccupancyFigure.AxisEnd([result]));
    }

    [Fact]
    public void AxisEnd_CountsEveryTransientState_AndTakesTheLatestPanel()
    {
        // Three states; at risk split between entry and lr: 3 + 1 = 4 of 40 at time 12 (exactly 10%), 3 of 40 at 20.
        var split = new AalenJohansenResult(3, [2, 12, 20], new double[9], new double[9], [30, 10, 0, 3, 1, 0, 2, 1, 0], new int[9], 40);
        var early = Result(20, [1, 4], [20, 1]);

        Assert.Equal(12, StateOccupancyFigure.AxisEnd([early, split]));
        Assert.Equal(1, StateOccupancyFigure.AxisEnd([early]));
    }

    [Fact]
    public void AxisEnd_NoTimeWithATenthAtRisk_IsTheLastTime()
    {
        var late = Result(100, [3, 7], [5, 2]);

        Assert.Equal(7, StateOccupancyFigure.AxisEnd([late]));
    }

    private static AalenJohansenResult Result(int subjects, double[] times, int[] atRiskInEntry)
    {
        var atRisk = new int[2 * times.Length];
        for (var t = 0; t < times.Length; t++)
        {
            atRisk[2 * t] = atRiskInEntry[t];
        }
        return new AalenJohansenResult(2, times, new double[atRisk.Length], new double[atRisk.Length], atRisk, new int[4], subjects);
    }
}
