using Sarc.Statistics.Prediction;

namespace Sarc.Statistics.Tests.Prediction;

public class PredictionAccuracyTest
{
    [Fact]
    public void Compute_NoCensoring_IsThePlainBrierAndMannWhitneyAuc()
    {
        // Without censoring every weight is 1: Brier = mean (event - risk)^2, AUC = P(risk case > risk control).
        var outcome = PredictionOutcome.Survival([1, 2, 6, 8], [1, 1, 1, 1]);
        double[] risk = [0.9, 0.4, 0.5, 0.1];
        var r = PredictionAccuracy.Compute(outcome, risk, 5);
        // cases (by 5): rows 0, 1; controls: rows 2, 3.
        Assert.Equal((0.01 + 0.36 + 0.25 + 0.01) / 4, r.Brier, 14);
        Assert.Equal(0.75, r.Auc, 14);                        // 0.9 beats both, 0.4 beats 0.1 only
        Assert.Equal(0.5, r.NullRisk, 14);
        Assert.Equal(0.25, r.NullBrier, 14);
        Assert.Equal(1 - r.Brier / 0.25, r.Ipa, 14);
    }

    [Fact]
    public void Compute_CensoredBeforeT_WeighsTheOthersUp()
    {
        // Censored at 1 (G = 3/4 after 1): the case at 2 weighs 1/G(2-) = 4/3, the controls beyond t = 3 weigh 4/3;
        // the censored row adds nothing. Brier = (4/3 (1 - 0.6)^2 + 4/3 0.2^2 + 4/3 0.3^2) / 4.
        var outcome = PredictionOutcome.Survival([1, 2, 5, 6], [0, 1, 0, 1]);
        double[] risk = [0.5, 0.6, 0.2, 0.3];
        var r = PredictionAccuracy.Compute(outcome, risk, 3);
        Assert.Equal((4.0 / 3 * 0.16 + 4.0 / 3 * 0.04 + 4.0 / 3 * 0.09) / 4, r.Brier, 14);
        Assert.Equal(1, r.Auc, 14);
    }

    [Fact]
    public void Compute_TiedRisks_CountOneHalfInTheAuc()
    {
        var outcome = PredictionOutcome.Survival([1, 4], [1, 0]);
        var r = PredictionAccuracy.Compute(outcome, [0.3, 0.3], 2);
        Assert.Equal(0.5, r.Auc, 14);
    }

    [Fact]
    public void Compute_RowOrder_DoesNotChangeTheScores()
    {
        var random = new Random(3);
        var n = 150;
        var time = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 40, 1)).ToArray();
        var status = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.55 ? 1.0 : 0).ToArray();
        var risk = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble(), 2)).ToArray();
        var order = Enumerable.Range(0, n).Reverse().ToArray();
        var a = PredictionAccuracy.Compute(PredictionOutcome.Survival(time, status), risk, 20);
        var b = PredictionAccuracy.Compute(PredictionOutcome.Survival(order.Select(i => time[i]).ToArray(), order.Select(i => status[i]).ToArray()),
            order.Select(i => risk[i]).ToArray(), 20);
        Assert.Equal(a.Auc, b.Auc, 12);
        Assert.Equal(a.Brier, b.Brier, 12);
    }
}
