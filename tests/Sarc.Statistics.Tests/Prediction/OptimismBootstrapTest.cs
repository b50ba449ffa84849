using Sarc.Statistics.Prediction;
using Sarc.Statistics.Survival;

namespace Sarc.Statistics.Tests.Prediction;

public class OptimismBootstrapTest
{
    [Fact]
    public void Resamples_SameSeed_SameRows()
    {
        var a = OptimismBootstrap.Resamples(50, 3, 7);
        var b = OptimismBootstrap.Resamples(50, 3, 7);
        Assert.Equal(a, b);
        Assert.All(a, rows => Assert.All(rows, i => Assert.InRange(i, 0, 49)));
        Assert.NotEqual(a, OptimismBootstrap.Resamples(50, 3, 8));
    }

    [Fact]
    public void Validate_ResampleOfEveryRowOnce_HasNoOptimism()
    {
        // A "resample" that is the data itself refits the same model: training = test = apparent, optimism 0.
        var random = new Random(2);
        var n = 120;
        var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2).ToArray();
        var time = x.Select(v => Math.Round(-Math.Log(1 - random.NextDouble()) / Math.Exp(v) * 10, 1) + 0.1).ToArray();
        var status = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.7 ? 1.0 : 0).ToArray();
        var data = CoxData.Simple(time, status, [x], ["x"]);
        var result = OptimismBootstrap.Validate(data, [Enumerable.Range(0, n).ToArray()]);
        Assert.Equal(0, result.SomersD.Optimism, 6);
        Assert.Equal(result.SomersD.Apparent, result.SomersD.Corrected, 6);
        Assert.Equal(1, result.Slope.Test, 3);
    }
}
