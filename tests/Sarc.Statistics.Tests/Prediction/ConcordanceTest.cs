using Sarc.Statistics.Prediction;
using Sarc.Statistics.Survival;

namespace Sarc.Statistics.Tests.Prediction;

public class ConcordanceTest
{
    [Fact]
    public void Compute_SmallData_CountsPairsByHand()
    {
        // Events at 1 (risk 3), 2 (risk 1) and 2 (risk 2); censored at 2 (risk 2) and 4 (risk 1).
        // Event at 1: outlived by everyone else (4 pairs): risks 1, 2, 2, 1 all below 3 -> 4 concordant.
        // Events at 2 (tied with each other: 1 tied.y pair): each against the censored at 2 and at 4.
        //   risk 1 vs 2 (censored at 2): discordant; vs 1 (at 4): tied risk.
        //   risk 2 vs 2: tied risk; vs 1: concordant.
        double[] time = [1, 2, 2, 2, 4];
        bool[] status = [true, true, true, false, false];
        double[] risk = [3, 1, 2, 2, 1];
        var c = Concordance.Compute(time, status, risk);
        Assert.Equal(5, c.Concordant);
        Assert.Equal(1, c.Discordant);
        Assert.Equal(2, c.TiedRisk);
        Assert.Equal(1, c.TiedTime);
        Assert.Equal((5 + 1.0) / 8, c.Index);
    }

    [Fact]
    public void Compute_Uno_WeightsPairsByInverseSquaredCensoringSurvival()
    {
        // Censoring at 1 (G drops to 3/4 from time 2 on, events first at a tie), events at 2 and 3, one more at 4.
        // Pairs: event 2 (risk 2) vs 3 and 4: G(2-) = 3/4 -> weight 16/9 each; event 3 (risk 1) vs 4 (risk 3):
        // G(3-) = 3/4 -> 16/9; with tau = 3 the event at 4 has no pair anyway.
        double[] time = [1, 2, 3, 4];
        bool[] status = [false, true, true, true];
        double[] risk = [0, 2, 1, 3];
        var c = Concordance.Compute(time, status, risk, ConcordanceTimeWeight.Uno, maxTime: 3);
        Assert.Equal(16.0 / 9, c.Concordant, 12);    // event at 2 (risk 2) vs risk 1
        Assert.Equal(2 * 16.0 / 9, c.Discordant, 12); // vs risk 3, and event at 3 (risk 1) vs risk 3
        Assert.Equal(1.0 / 3, c.Index, 12);
    }

    [Fact]
    public void Compute_Harrell_EqualsTheCoxFitsConcordance()
    {
        var random = new Random(5);
        var n = 300;
        var time = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 50)).ToArray();
        var status = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.6 ? 1.0 : 0).ToArray();
        var x = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 4)).ToArray();
        var fit = new CoxRegression().Fit(CoxData.Simple(time, status, [x], ["x"]));
        var c = Concordance.Compute(time, status.Select(s => s == 1).ToArray(), fit.LinearPredictors);
        Assert.Equal(fit.Concordance, c.Index, 12);
    }

    [Fact]
    public void Compute_RowOrderAndMonotoneTransform_DoNotChangeTheIndex()
    {
        var random = new Random(11);
        var n = 200;
        var time = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 30, 1)).ToArray();
        var status = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.5).ToArray();
        var risk = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble(), 2)).ToArray();
        var c = Concordance.Compute(time, status, risk, ConcordanceTimeWeight.Uno, 20);
        var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        var shuffled = Concordance.Compute(order.Select(i => time[i]).ToArray(), order.Select(i => status[i]).ToArray(),
            order.Select(i => Math.Exp(3 * risk[i])).ToArray(), ConcordanceTimeWeight.Uno, 20);
        Assert.Equal(c.Index, shuffled.Index, 12);
    }
}
