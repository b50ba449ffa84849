using Sarc.Statistics.Prediction;
using Sarc.Statistics.Survival;

namespace Sarc.Statistics.Tests.Prediction;

public class CoxBaselineTest
{
    // Times 1, 2, 2, 3 with events at 1 and both 2s, lp = 0 for all (risk 1), given unsorted.
    private static readonly double[] Time = [2, 3, 1, 2];
    private static readonly double[] Status = [1, 0, 1, 1];
    private static readonly double[] Zero = [0, 0, 0, 0];

    [Fact]
    public void CumulativeHazard_Breslow_IsEventsOverRiskSetByHand()
    {
        // H(1) = 1/4; at 2 two events among 3 at risk: + 2/3.
        var h = CoxBaseline.CumulativeHazard(Time, Status, Zero, CoxTies.Breslow, [0.5, 1, 2.5, 10]);
        Assert.Equal([0, 1.0 / 4, 1.0 / 4 + 2.0 / 3, 1.0 / 4 + 2.0 / 3], h);
    }

    [Fact]
    public void CumulativeHazard_Efron_SpreadsTiedEventsByHand()
    {
        // Efron at 2: 1/3 + 1/(3 - 2/2) = 1/3 + 1/2.
        var h = CoxBaseline.CumulativeHazard(Time, Status, Zero, CoxTies.Efron, [2]);
        Assert.Equal(1.0 / 4 + 1.0 / 3 + 1.0 / 2, h[0], 15);
    }

    [Fact]
    public void CumulativeHazard_LinearPredictorShift_ScalesTheBaseline()
    {
        // Adding c to every lp multiplies every risk by e^c, so H at lp = 0 is divided by e^c.
        double[] lp = [0.3, -0.2, 0.1, 0.5];
        var shifted = lp.Select(v => v + 0.7).ToArray();
        var h = CoxBaseline.CumulativeHazard(Time, Status, lp, CoxTies.Efron, [1, 2, 3]);
        var hs = CoxBaseline.CumulativeHazard(Time, Status, shifted, CoxTies.Efron, [1, 2, 3]);
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(h[j] / Math.Exp(0.7), hs[j], 14);
        }
    }
}
