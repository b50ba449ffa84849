using Sarc.Statistics.Hypothesis;

namespace Sarc.Statistics.Tests.Hypothesis;

public class SampleQuantileTest
{
    [Theory]
    // 120, 120, 140, 210: type 2 gives p75 = 175 (the mean of 140 and 210 since n p = 3 exactly), not type 7's 157.5.
    [InlineData(0.75, 175)]
    [InlineData(0.25, 120)]
    [InlineData(0.5, 130)]
    [InlineData(0.0, 120)]
    [InlineData(1.0, 210)]
    public void Type2_FourValues_AveragesAtTheJumps(double p, double expected)
    {
        Assert.Equal(expected, SampleQuantile.Type2([120, 120, 140, 210], p));
    }

    [Theory]
    // n = 5: n p = 1.25 → x(2); 2.5 → x(3), the median; 3.75 → x(4).
    [InlineData(0.25, 2)]
    [InlineData(0.5, 3)]
    [InlineData(0.75, 4)]
    public void Type2_FiveValues_TakesTheNextOrderStatistic(double p, double expected)
    {
        Assert.Equal(expected, SampleQuantile.Type2([1, 2, 3, 4, 5], p));
    }

    [Fact]
    public void Type2_Empty_IsNaN()
    {
        Assert.True(double.IsNaN(SampleQuantile.Type2([], 0.5)));
    }
}
