using Sarc.Statistics.Prediction;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Prediction;

public class PrettyBreaksTest
{
    // The ranges of validation/models.R: nomogram axes (ages, sizes, points, linear predictors), tiny and huge
    // spans, a single value, and a span at the edge of rounding.
    [Fact]
    public void Of_ReferenceRanges_MatchRPretty()
    {
        foreach (var c in Fixture.Reference("models").GetProperty("pretty").EnumerateArray())
        {
            var low = c.GetProperty("low").GetDouble();
            var high = c.GetProperty("high").GetDouble();
            Compare(Fixture.Numbers(c.GetProperty("breaks")), PrettyBreaks.Of(low, high, 10), $"pretty([{low}, {high}], 10)");
            Compare(Fixture.Numbers(c.GetProperty("breaks5")), PrettyBreaks.Of(low, high), $"pretty([{low}, {high}])");
        }
    }

    [Fact]
    public void Of_AgeRange_GivesRoundTens()
    {
        Assert.Equal([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], PrettyBreaks.Of(18, 92, 10));
    }

    private static void Compare(double[] expected, double[] actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: expected {string.Join(", ", expected)}, got {string.Join(", ", actual)}");
        for (var i = 0; i < expected.Length; i++)
        {
            AssertNear.Relative(expected[i], actual[i], 1e-12, $"{what}[{i}]");
        }
    }
}
