using Sarc.Statistics.Hypothesis;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Hypothesis;

public class CorrelationTestTest
{
    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var e in Fixture.Reference("classic_correlation").GetProperty("cases").EnumerateArray())
            {
                data.Add(e.GetProperty("y").GetString()!, e.GetProperty("method").GetString()!);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Test_NecrosisAgainstCovariates_MatchesRCorTest(string y, string method)
    {
        // Seed-000-like covariates: missing values in both columns (pairwise complete cases), integer ties (Charlson).
        var expected = Fixture.Reference("classic_correlation").GetProperty("cases").EnumerateArray()
            .Single(e => e.GetProperty("y").GetString() == y && e.GetProperty("method").GetString() == method);
        var rows = ClassicData.Csv("classic_correlation");
        var xs = rows.Select(r => ClassicData.Number(r["necrosis"])).ToArray();
        var ys = rows.Select(r => ClassicData.Number(r[y])).ToArray();
        var result = CorrelationTest.Test(xs, ys, method == "pearson" ? CorrelationMethod.Pearson : CorrelationMethod.Spearman);

        Assert.Equal(expected.GetProperty("n").GetInt32(), result.N);
        Assert.Equal(rows.Count - result.N, result.Excluded);
        AssertNear.Relative(expected.GetProperty("estimate"), result.Estimate, Tolerance.Estimate, $"{y} {method} estimate");
        AssertNear.Relative(expected.GetProperty("statistic"), result.Statistic, Tolerance.PValue, $"{y} {method} statistic");
        AssertNear.Relative(expected.GetProperty("p"), result.P, Tolerance.PValue, $"{y} {method} p");
        if (method == "pearson")
        {
            AssertNear.Relative(expected.GetProperty("df"), result.DegreesOfFreedom, Tolerance.Estimate, $"{y} df");
            AssertNear.Relative(expected.GetProperty("lower"), result.Lower, Tolerance.PValue, $"{y} lower");
            AssertNear.Relative(expected.GetProperty("upper"), result.Upper, Tolerance.PValue, $"{y} upper");
        }
    }

    [Fact]
    public void Pearson_ExactLine_IsOne()
    {
        var result = CorrelationTest.Pearson([1, 2, 3, 4, 5], [3, 5, 7, 9, 11]);
        AssertNear.Relative(1, result.Estimate, 1e-12, "r");
    }

    [Fact]
    public void Spearman_MonotoneTransform_KeepsRhoAndP()
    {
        // Ranks are all Spearman sees: exp() of y changes nothing, while Pearson's r changes.
        double[] x = [1.5, 2.5, 0.5, 4, 3, 6, 5.5, 7];
        double[] y = [0.2, 1.1, 0.4, 2.0, 1.1, 2.2, 3.0, 2.9];
        var original = CorrelationTest.Spearman(x, y);
        var transformed = CorrelationTest.Spearman(x, y.Select(Math.Exp).ToArray());
        AssertNear.Relative(original.Estimate, transformed.Estimate, 1e-12, "rho");
        AssertNear.Relative(original.P, transformed.P, 1e-12, "p");
    }

    [Fact]
    public void Test_SwappedVariables_GiveTheSameResult()
    {
        var rows = ClassicData.Csv("classic_correlation");
        var xs = rows.Select(r => ClassicData.Number(r["necrosis"])).ToArray();
        var ys = rows.Select(r => ClassicData.Number(r["bmi"])).ToArray();
        var forward = CorrelationTest.Pearson(xs, ys);
        var backward = CorrelationTest.Pearson(ys, xs);
        AssertNear.Relative(forward.Estimate, backward.Estimate, 1e-12, "r");
        AssertNear.Relative(forward.P, backward.P, 1e-12, "p");
    }

    [Fact]
    public void Test_FewerThanThreeCompletePairs_Throws()
    {
        Assert.Throws<ArgumentException>(() => CorrelationTest.Pearson([1, double.NaN, 3], [1, 2, 3]));
    }
}
