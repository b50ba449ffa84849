using Sarc.Statistics.Prediction;

namespace Sarc.Statistics.Tests.Prediction;

public class DecisionCurveTest
{
    [Fact]
    public void Compute_NoCensoring_IsTruePositivesMinusWeightedFalsePositivesByHand()
    {
        // 5 patients followed past t = 10: events by 10 in rows 0, 1, 3. Risks 0.8, 0.6, 0.3, 0.2, 0.1.
        var outcome = PredictionOutcome.Survival([2, 5, 20, 7, 30], [1, 1, 0, 1, 1]);
        double[] risk = [0.8, 0.6, 0.3, 0.2, 0.1];
        var curve = DecisionCurve.Compute(outcome, risk, 10, [0.25, 0.5, 0.9]);
        // 25 %: above = rows 0, 1, 2: 2 true, 1 false positive of 5; odds 1/3.
        Assert.Equal(2.0 / 5 - 1.0 / 5 / 3, curve.Points[0].NetBenefit, 14);
        // 50 %: rows 0, 1, both events.
        Assert.Equal(2.0 / 5, curve.Points[1].NetBenefit, 14);
        // 90 %: no one above: 0.
        Assert.Equal(0, curve.Points[2].NetBenefit);
        // Treat all at 25 %: 3/5 - 2/5 * 1/3.
        Assert.Equal(3.0 / 5 - 2.0 / 5 / 3, curve.Points[0].TreatAll, 14);
        Assert.Equal(0.6, curve.Points[0].FractionAbove, 14);
    }

    [Fact]
    public void Compute_DefaultThresholds_AreOneToNinetyNinePercent()
    {
        var outcome = PredictionOutcome.Survival([1, 2, 3], [1, 0, 1]);
        var curve = DecisionCurve.Compute(outcome, [0.2, 0.5, 0.7], 2);
        Assert.Equal(99, curve.Points.Count);
        Assert.Equal(0.01, curve.Points[0].Threshold);
        Assert.Equal(0.99, curve.Points[^1].Threshold);
    }
}
