using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

public class RtCommandTest
{
    [Fact]
    public void Rt_Hypofractionated_PrintsBedAndEqd2AsJson()
    {
        var json = CliRun.Of("rt", "--dose", "40.05", "--fractions", "15", "--json").Json();
        // BED = 40.05 (1 + 2.67 / 4); EQD2 = BED / 1.5.
        AssertNear.Relative(40.05 * (1 + 2.67 / 4), json.GetProperty("bed").GetDouble(), 1e-12, "bed");
        AssertNear.Relative(40.05 * (1 + 2.67 / 4) / 1.5, json.GetProperty("eqd2").GetDouble(), 1e-12, "eqd2");
    }

    [Fact]
    public void Rt_AlphaBetaOption_ChangesTheResult()
    {
        var json = CliRun.Of("rt", "--dose", "30", "--fractions", "5", "--alpha-beta", "10", "--json").Json();
        Assert.Equal(48.0, json.GetProperty("bed").GetDouble(), 12);
    }

    [Fact]
    public void Rt_Readable_ShowsEqd2()
    {
        var run = CliRun.Of("rt", "--dose", "50", "--fractions", "25");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("EQD2 = 50.00 Gy", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--fractions", "0", "--fractions must be")]
    [InlineData("--fractions", "x", "Cannot parse argument 'x'")]
    public void Rt_BadFractions_IsAUserError(string option, string value, string message)
    {
        CliRun.Of("rt", "--dose", "50", option, value).AssertUserError(message);
    }

    [Fact]
    public void Rt_MissingRequiredOption_IsAUserError()
    {
        CliRun.Of("rt", "--dose", "50").AssertUserError("'--fractions' is required");
    }
}
