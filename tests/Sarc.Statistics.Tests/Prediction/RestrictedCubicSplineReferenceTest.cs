using System.Text.Json;
using Sarc.Statistics.Prediction;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Prediction;

/// <summary>Knots and basis against Hmisc's rcspline.eval (what rms::rcs calls), validation/models.R.</summary>
public class RestrictedCubicSplineReferenceTest
{
    public static TheoryData<string> Cases() =>
        [.. Fixture.Reference("models").GetProperty("knots").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    // Why each case exists: age3-7 = every count's quantiles (3 knots 10-90 %, 7 knots 2.5-97.5 %); size = a skewed
    // variable with ties; small = under 100 values (outer knots at the 5th smallest/largest); zeros/capped/both = a
    // minimum or maximum held by >= 5 % of the values (fractied); few = fewer distinct values than R needs, knots set to
    // the interior values with a warning; explicit = user knots, unsorted.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Knots_ReferenceCase_MatchRcsplineEval(string name)
    {
        var expected = Case(name);
        var x = Fixture.Numbers(expected.GetProperty("x"));
        var nk = expected.GetProperty("nk").GetInt32();
        var explicitKnots = expected.GetProperty("explicit").GetBoolean();
        var placement = explicitKnots
            ? RestrictedCubicSpline.GivenKnots(Fixture.Numbers(expected.GetProperty("knots")).Reverse().ToArray())
            : RestrictedCubicSpline.DefaultKnots(x, nk);

        Assert.Null(placement.Error);
        var knots = Fixture.Numbers(expected.GetProperty("knots"));
        Assert.Equal(knots.Length, placement.Knots!.Length);
        for (var k = 0; k < knots.Length; k++)
        {
            AssertNear.Relative(knots[k], placement.Knots[k], Tolerance.Estimate, $"{name} knot {k + 1}");
        }
        Assert.Equal(expected.GetProperty("warning").GetBoolean(), placement.Warning is not null);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Basis_ReferenceCase_MatchesRcsplineEvalInclx(string name)
    {
        var expected = Case(name);
        var knots = Fixture.Numbers(expected.GetProperty("knots"));
        var at = Fixture.Numbers(expected.GetProperty("at"));
        var rows = expected.GetProperty("basis").EnumerateArray().Select(Fixture.Numbers).ToArray();
        var basis = new double[knots.Length - 1];
        for (var i = 0; i < at.Length; i++)
        {
            RestrictedCubicSpline.Basis(at[i], knots, basis);
            for (var j = 0; j < basis.Length; j++)
            {
                AssertNear.Relative(rows[i][j], basis[j], Tolerance.Estimate, $"{name} basis[{at[i]}, {j}]");
            }
        }
    }

    private static JsonElement Case(string name) =>
        Fixture.Reference("models").GetProperty("knots").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
}
