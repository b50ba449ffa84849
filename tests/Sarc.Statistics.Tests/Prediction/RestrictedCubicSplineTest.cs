using Sarc.Statistics.Prediction;

namespace Sarc.Statistics.Tests.Prediction;

public class RestrictedCubicSplineTest
{
    [Fact]
    public void Basis_BelowFirstKnot_IsLinearOnly()
    {
        var basis = new double[3];
        RestrictedCubicSpline.Basis(1, [2, 4, 6, 8], basis);
        Assert.Equal([1, 0, 0], basis);
    }

    [Fact]
    public void Basis_ThreeKnots_MatchesTheFormulaByHand()
    {
        // Knots 0, 1, 2: kd = 2^(2/3); at x = 1.5 only (x - 0)+ and (x - 1)+ are positive:
        // ((1.5/kd)^3 + ((1 - 0)(0) - (2 - 0)(0.5/kd)^3) / (2 - 1)) = (3.375 - 0.25) / 4 = 0.78125.
        var basis = new double[2];
        RestrictedCubicSpline.Basis(1.5, [0, 1, 2], basis);
        Assert.Equal(1.5, basis[0]);
        Assert.Equal(0.78125, basis[1], 12);
    }

    [Fact]
    public void Basis_BeyondLastKnot_IsLinearInX()
    {
        // A restricted cubic spline is linear past the last knot: equal steps in x give equal steps in each column.
        double[] knots = [10, 20, 35, 60];
        var a = new double[3];
        var b = new double[3];
        var c = new double[3];
        RestrictedCubicSpline.Basis(70, knots, a);
        RestrictedCubicSpline.Basis(80, knots, b);
        RestrictedCubicSpline.Basis(90, knots, c);
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(b[j] - a[j], c[j] - b[j], 9);
        }
    }

    [Fact]
    public void DefaultKnots_FewerThanSixValues_FailsAsR()
    {
        var placement = RestrictedCubicSpline.DefaultKnots([1, 2, 3, 4, double.NaN, 5], 3);
        Assert.Null(placement.Knots);
        Assert.Contains("< 6 non-missing", placement.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultKnots_FourDistinctValues_FailsWithFewerThanThreeKnots()
    {
        // rcspline.eval: 4 distinct values leave 2 interior values, fewer than 3 knots: R stops.
        var placement = RestrictedCubicSpline.DefaultKnots([1, 2, 3, 4, 1, 2, 3, 4], 3);
        Assert.Null(placement.Knots);
        Assert.Equal("fewer than 3 unique knots", placement.Error);
    }

    [Fact]
    public void GivenKnots_DuplicatesAndDisorder_AreSortedAndDropped()
    {
        var placement = RestrictedCubicSpline.GivenKnots([5, 1, 3, 3]);
        Assert.Equal([1, 3, 5], placement.Knots!);
        Assert.Equal("fewer than 3 unique knots", RestrictedCubicSpline.GivenKnots([2, 2, 7]).Error);
    }

    [Fact]
    public void DefaultKnots_MissingValues_AreIgnored()
    {
        var values = Enumerable.Range(1, 200).Select(i => (double)i).ToList();
        var withMissing = values.Concat([double.NaN, double.NaN]).ToArray();
        Assert.Equal(RestrictedCubicSpline.DefaultKnots(values.ToArray(), 4).Knots, RestrictedCubicSpline.DefaultKnots(withMissing, 4).Knots);
    }
}
