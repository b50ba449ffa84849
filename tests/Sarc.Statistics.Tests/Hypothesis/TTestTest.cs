using Sarc.Statistics.Hypothesis;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Hypothesis;

public class TTestTest
{
    public static TheoryData<string> Cases => ClassicData.Keys("classic_samples", "t", "case");

    [Theory]
    [MemberData(nameof(Cases))]
    public void WelchAndStudent_ReferenceSamples_MatchRTTest(string name)
    {
        // Equal n, unequal n with unequal variances, and integer data with ties.
        var expected = ClassicData.Case("classic_samples", "t", "case", name);
        var groups = ClassicData.Samples(name);
        Check(expected.GetProperty("welch"), TTest.Welch(groups[0], groups[1]), $"{name} welch");
        Check(expected.GetProperty("student"), TTest.Student(groups[0], groups[1]), $"{name} student");
    }

    [Fact]
    public void Welch_EqualVariancesAndSizes_HasTheStudentDegreesOfFreedom()
    {
        // x = 1, 2, 3 and y = 4, 5, 6: both variances 1, SE = √(2/3), t = -3 / SE, and Welch df = 4 = nx + ny - 2.
        var welch = TTest.Welch([1, 2, 3], [4, 5, 6]);
        var student = TTest.Student([1, 2, 3], [4, 5, 6]);
        AssertNear.Relative(-3 / Math.Sqrt(2.0 / 3), welch.T, 1e-12, "t");
        AssertNear.Relative(4, welch.DegreesOfFreedom, 1e-12, "Welch df");
        AssertNear.Relative(welch.P, student.P, 1e-12, "p");
    }

    [Fact]
    public void Welch_ShiftedData_KeepsTAndP()
    {
        var x = new[] { 3.1, 4.7, 5.2, 6.8, 2.9 };
        var y = new[] { 6.2, 7.9, 5.5, 8.8, 9.1, 7.0 };
        var shifted = TTest.Welch(x.Select(v => v + 100).ToArray(), y.Select(v => v + 100).ToArray());
        var original = TTest.Welch(x, y);
        AssertNear.Relative(original.T, shifted.T, 1e-9, "t");
        AssertNear.Relative(original.P, shifted.P, 1e-9, "p");
    }

    [Fact]
    public void Welch_OneValueInASample_Throws()
    {
        Assert.Throws<ArgumentException>(() => TTest.Welch([1.0], [2.0, 3.0]));
    }

    [Fact]
    public void Welch_ConstantData_Throws()
    {
        Assert.Throws<ArgumentException>(() => TTest.Welch([2.0, 2.0], [2.0, 2.0, 2.0]));
    }

    private static void Check(System.Text.Json.JsonElement expected, TTestResult actual, string what)
    {
        AssertNear.Relative(expected.GetProperty("t"), actual.T, Tolerance.PValue, $"{what} t");
        AssertNear.Relative(expected.GetProperty("df"), actual.DegreesOfFreedom, Tolerance.Estimate, $"{what} df");
        AssertNear.Relative(expected.GetProperty("p"), actual.P, Tolerance.PValue, $"{what} p");
        AssertNear.Relative(expected.GetProperty("mean_x"), actual.MeanX, Tolerance.Estimate, $"{what} mean_x");
        AssertNear.Relative(expected.GetProperty("mean_y"), actual.MeanY, Tolerance.Estimate, $"{what} mean_y");
        AssertNear.Relative(expected.GetProperty("std_error"), actual.StandardError, Tolerance.Estimate, $"{what} SE");
        AssertNear.Relative(expected.GetProperty("lower"), actual.Lower, Tolerance.PValue, $"{what} lower");
        AssertNear.Relative(expected.GetProperty("upper"), actual.Upper, Tolerance.PValue, $"{what} upper");
    }
}
