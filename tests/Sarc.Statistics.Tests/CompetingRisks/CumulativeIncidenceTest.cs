using System.Text.Json;
using Sarc.Statistics.CompetingRisks;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.CompetingRisks;

public class CumulativeIncidenceTest
{
    [Fact]
    public void Fit_TinyUnsortedData_MatchesHandComputation()
    {
        // Sorted: t=1 cause 1, t=2 cause 2, t=3 cause 1, t=4 censored.
        // F1(1) = 1/4; S(2) = 1/2; F1(3) = 1/4 + S(3-) * 1/2 = 1/2.  F2(2) = S(2-) * 1/3 = 1/4.
        var result = Cif([3.0, 1, 4, 2], [1, 1, 0, 2]);
        var cause1 = result.Curve(0, 1);
        Assert.Equal([1.0, 3.0], cause1.Times);
        AssertNear.Relative(0.25, cause1.Estimates[0], 1e-14, "F1(1)");
        AssertNear.Relative(0.5, cause1.Estimates[1], 1e-14, "F1(3)");
        // Variance at the first step: Gray's formula reduces to the binomial p(1-p)/n... here (1/4)^2 * 3 / ... is
        // computed from v1 = (1 + F/S)^2 * 1/16 with S = 3/4: (1 + 1/3)^2 / 16, v2 = (4/3)(4/3)/16, v3 = (4/3)^2/16.
        var expected = (16.0 / 9) / 16 + 0.0625 * (16.0 / 9) / 16 - 2 * 0.25 * (16.0 / 9) / 16;
        AssertNear.Relative(expected, cause1.Variances[0], 1e-14, "Var F1(1)");
        AssertNear.Relative(0.25, result.Curve(0, 2).Estimates[0], 1e-14, "F2(2)");
        Assert.Empty(result.Tests);
    }

    [Theory]
    [InlineData("small")]
    [InlineData("three")]
    [InlineData("three_ungrouped")]
    [InlineData("single")]
    [InlineData("three_rho1")]
    public void Fit_ReferenceData_MatchesRCuminc(string name)
    {
        var reference = Fixture.Reference("cif").GetProperty(name);
        var grouped = !name.EndsWith("ungrouped", StringComparison.Ordinal) && name != "single";
        var rho = name.EndsWith("rho1", StringComparison.Ordinal) ? 1 : 0;
        var (data, levels, result) = FitFixture(name, grouped, rho);
        Assert.Equal(reference.GetProperty("n").GetInt32(), result.Count);
        Assert.Equal(reference.GetProperty("excluded").GetInt32(), data.Excluded);
        var at = Fixture.Numbers(reference.GetProperty("at"));
        var curves = reference.GetProperty("curves").EnumerateArray().ToArray();
        Assert.Equal(curves.Length, result.Curves.Count);
        foreach (var expected in curves)
        {
            var label = expected.GetProperty("name").GetString()!;
            var group = grouped ? Array.IndexOf(levels, expected.GetProperty("group").GetString()) : 0;
            var curve = result.Curve(group, int.Parse(expected.GetProperty("cause").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            AssertCurveMatches(expected, curve, label);
            var atEstimates = Fixture.Numbers(expected.GetProperty("at_est"));
            var atVariances = Fixture.Numbers(expected.GetProperty("at_var"));
            for (var i = 0; i < at.Length; i++)
            {
                AssertNear.Relative(atEstimates[i], curve.EstimateAt(at[i]), Tolerance.Estimate, $"{label} est at {at[i]}");
                AssertNear.Relative(atVariances[i], curve.VarianceAt(at[i]), Tolerance.PValue, $"{label} var at {at[i]}");
            }
        }
        if (reference.TryGetProperty("tests", out var tests))
        {
            var rows = tests.EnumerateArray().ToArray();
            Assert.Equal(rows.Length, result.Tests.Count);
            for (var i = 0; i < rows.Length; i++)
            {
                Assert.Equal(rows[i].GetProperty("cause").GetString(), result.Tests[i].Cause.ToString(System.Globalization.CultureInfo.InvariantCulture));
                AssertNear.Relative(rows[i].GetProperty("stat"), result.Tests[i].ChiSquare, Tolerance.PValue, $"Gray stat cause {result.Tests[i].Cause}");
                AssertNear.Relative(rows[i].GetProperty("p"), result.Tests[i].P, Tolerance.PValue, $"Gray p cause {result.Tests[i].Cause}");
                Assert.Equal(rows[i].GetProperty("df").GetInt32(), result.Tests[i].DegreesOfFreedom);
            }
        }
        else
        {
            Assert.Empty(result.Tests);
        }
    }

    [Fact]
    public void Fit_CauseAbsentFromOneGroup_GivesAFlatZeroCurveThere()
    {
        var (_, levels, result) = FitFixture("three", grouped: true);
        var curve = result.Curve(Array.IndexOf(levels, "C"), 3);
        Assert.Empty(curve.Times);
        Assert.Equal(0.0, curve.EstimateAt(10));
        Assert.True(double.IsNaN(curve.EstimateAt(curve.MaxTime + 1)));
    }

    [Fact]
    public void Fit_AllCensored_HasNoCausesAndNoCurves()
    {
        var result = Cif([1.0, 2, 3], [0, 0, 0]);
        Assert.Empty(result.Causes);
        Assert.Empty(result.Curves);
    }

    [Fact]
    public void Fit_RowOrderAndGroupCodes_DoNotChangeTheResult()
    {
        var data = ValidationCsv.Read("cif_three", "time", "status", "group");
        var time = data.Numbers("time");
        var status = data.Integers("status");
        var (group, _) = data.Factor("group");
        var original = Cif(time, status, group, 3);

        var permutation = Enumerable.Range(0, time.Length).Reverse().ToArray();
        // Reversed rows, and the groups renumbered 0->5, 1->3, 2->0 among 6 codes (three of them unused).
        int[] relabel = [5, 3, 0];
        var shuffled = Cif(
            permutation.Select(i => time[i]).ToArray(),
            permutation.Select(i => status[i]).ToArray(),
            permutation.Select(i => relabel[group[i]]).ToArray(), 6);

        Assert.Equal(3, shuffled.Groups.Length);
        for (var g = 0; g < 3; g++)
        {
            foreach (var cause in original.Causes)
            {
                var a = original.Curve(g, cause);
                var b = shuffled.Curve(relabel[g], cause);
                Assert.Equal(a.Times, b.Times);
                for (var i = 0; i < a.Times.Length; i++)
                {
                    AssertNear.Relative(a.Estimates[i], b.Estimates[i], 1e-12, "estimate");
                    AssertNear.Relative(a.Variances[i], b.Variances[i], 1e-12, "variance");
                }
            }
        }
        // Group order changes which G-1 scores are used, but not the quadratic form.
        for (var i = 0; i < original.Tests.Count; i++)
        {
            AssertNear.Relative(original.Tests[i].ChiSquare, shuffled.Tests[i].ChiSquare, 1e-9, "Gray statistic");
        }
    }

    [Fact]
    public void Fit_NegativeStatus_Throws()
    {
        Assert.Throws<ArgumentException>(() => Cif([1.0, 2], [1, -1]));
    }

    private static (Loaded Data, string[] Levels, CumulativeIncidenceResult Result) FitFixture(string name, bool grouped, double rho = 0)
    {
        var file = "cif_" + name.Replace("_ungrouped", "", StringComparison.Ordinal).Replace("_rho1", "", StringComparison.Ordinal);
        var columns = grouped ? new[] { "time", "status", "group" } : ["time", "status"];
        var data = ValidationCsv.Read(file, columns);
        // Ungrouped, cuminc only sees time and status, so only those columns decide which rows are dropped.
        var all = ValidationCsv.Read(file);
        var time = data.Numbers("time");
        var status = data.Integers("status");
        if (!grouped)
        {
            return (new Loaded(all.RowCount - data.RowCount), [], Cif(time, status));
        }
        var (codes, levels) = data.Factor("group");
        return (new Loaded(all.RowCount - data.RowCount), levels,
            Cif(time, status, codes, levels.Length, new CumulativeIncidenceOptions { Rho = rho }));
    }

    private static void AssertCurveMatches(JsonElement expected, IncidenceCurve curve, string label)
    {
        // cuminc returns the corners of the step function: 0, then (t, F-) and (t, F) per step, then the last time.
        var times = Fixture.Numbers(expected.GetProperty("time"));
        var estimates = Fixture.Numbers(expected.GetProperty("est"));
        var variances = Fixture.Numbers(expected.GetProperty("var"));
        var steps = (times.Length - 2) / 2;
        Assert.Equal(steps, curve.Times.Length);
        for (var j = 0; j < steps; j++)
        {
            Assert.Equal(times[2 + 2 * j], curve.Times[j]);
            AssertNear.Relative(estimates[2 + 2 * j], curve.Estimates[j], Tolerance.Estimate, $"{label} est[{j}]");
            AssertNear.Relative(variances[2 + 2 * j], curve.Variances[j], Tolerance.PValue, $"{label} var[{j}]");
        }
        Assert.Equal(times[^1], curve.MaxTime);
    }

    private sealed record Loaded(int Excluded);

    private static CumulativeIncidenceResult Cif(double[] time, int[] status, int[]? group = null, int groupCount = 1, CumulativeIncidenceOptions? options = null) =>
        new CumulativeIncidence(options).Fit(new CompetingRisksData(time, status, group, groupCount));
}
