using Sarc.Studies.Analyses;
using Sarc.Testing;

namespace Sarc.Studies.Tests.Analyses;

public class IncidenceIntervalTest
{
    [Fact]
    public void Limits_OnCmprskEstimatesAndVariances_MatchTheLogLogIntervalComputedInR()
    {
        var rows = Fixture.Reference("cif_confidence").GetProperty("rows");
        var checkedRows = 0;
        foreach (var row in rows.EnumerateArray())
        {
            var (lower, upper) = IncidenceInterval.Limits(Fixture.Number(row.GetProperty("estimate")), Fixture.Number(row.GetProperty("variance")), row.GetProperty("level").GetDouble());
            var what = $"{row.GetProperty("curve").GetString()} at {row.GetProperty("time")} ({row.GetProperty("level")})";
            AssertNear.Relative(row.GetProperty("lower"), lower, Tolerance.PValue, what + " lower");
            AssertNear.Relative(row.GetProperty("upper"), upper, Tolerance.PValue, what + " upper");
            checkedRows += double.IsNaN(lower) ? 0 : 1;
        }
        Assert.True(checkedRows > 20, "the fixture should have defined intervals to compare");
    }

    [Theory]
    [InlineData(0.0, 0.01)]
    [InlineData(1.0, 0.01)]
    [InlineData(0.3, double.NaN)]
    public void Limits_WithoutAnInterval_AreNaN(double estimate, double variance)
    {
        var (lower, upper) = IncidenceInterval.Limits(estimate, variance, 0.95);

        Assert.True(double.IsNaN(lower) && double.IsNaN(upper));
    }

    [Fact]
    public void Limits_ZeroVariance_CollapseOntoTheEstimate()
    {
        Assert.Equal((0.25, 0.25), IncidenceInterval.Limits(0.25, 0, 0.95));
    }
}
