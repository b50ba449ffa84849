using System.Globalization;
using System.Text.Json;
using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

/// <summary>`sarc cif --json` end to end (CSV read, missing rows dropped, fit, JSON) against R cuminc on the same files (validation/cif.R).</summary>
public class CifCommandTest
{
    [Theory]
    [InlineData("small", "cif_small", true)]
    [InlineData("three", "cif_three", true)]
    [InlineData("three_ungrouped", "cif_three", false)]
    [InlineData("single", "cif_single", false)]
    public void Cif_Json_MatchesRCuminc(string name, string file, bool grouped)
    {
        var reference = Fixture.Reference("cif").GetProperty(name);
        var at = Fixture.Numbers(reference.GetProperty("at"));
        List<string> args = ["cif", "--data", Fixture.PathOf("validation", "data", file + ".csv"), "--time", "time", "--status", "status",
            "--at", string.Join(',', at.Select(t => t.ToString("R", CultureInfo.InvariantCulture))), "--json"];
        if (grouped)
        {
            args.AddRange(["--group", "group"]);
        }
        var json = CliRun.Of([.. args]).Json();
        Assert.Equal(reference.GetProperty("n").GetInt32(), json.GetProperty("n").GetInt32());
        Assert.Equal(reference.GetProperty("excluded").GetInt32(), json.GetProperty("n_excluded").GetInt32());
        var groups = json.GetProperty("groups").EnumerateArray().ToArray();
        foreach (var expected in reference.GetProperty("curves").EnumerateArray())
        {
            var label = expected.GetProperty("name").GetString()!;
            var group = grouped
                ? groups.Single(g => g.GetProperty("group").GetString() == expected.GetProperty("group").GetString())
                : groups.Single();
            if (!grouped)
            {
                Assert.Equal(JsonValueKind.Null, group.GetProperty("group").ValueKind);
            }
            var cause = group.GetProperty("causes").EnumerateArray().Single(c => c.GetProperty("cause").GetString() == expected.GetProperty("cause").GetString());
            var rows = cause.GetProperty("at").EnumerateArray().ToArray();
            var est = expected.GetProperty("at_est").EnumerateArray().ToArray();
            var variance = expected.GetProperty("at_var").EnumerateArray().ToArray();
            for (var i = 0; i < at.Length; i++)
            {
                Assert.Equal(at[i], rows[i].GetProperty("time").GetDouble());
                AssertNear.Relative(est[i], Fixture.Number(rows[i].GetProperty("cif")), Tolerance.Estimate, $"{label} cif at {at[i]}");
                AssertNear.Relative(variance[i], Fixture.Number(rows[i].GetProperty("variance")), Tolerance.PValue, $"{label} variance at {at[i]}");
            }
            var corners = Fixture.Numbers(expected.GetProperty("est"));
            var steps = cause.GetProperty("steps").EnumerateArray().ToArray();
            Assert.Equal((corners.Length - 2) / 2, steps.Length);
            for (var j = 0; j < steps.Length; j++)
            {
                AssertNear.Relative(corners[2 + 2 * j], steps[j].GetProperty("cif").GetDouble(), Tolerance.Estimate, $"{label} step {j}");
            }
        }
        if (grouped)
        {
            var tests = json.GetProperty("gray_test").EnumerateArray().ToArray();
            var expectedTests = reference.GetProperty("tests").EnumerateArray().ToArray();
            Assert.Equal(expectedTests.Length, tests.Length);
            for (var i = 0; i < tests.Length; i++)
            {
                Assert.Equal(expectedTests[i].GetProperty("cause").GetString(), tests[i].GetProperty("cause").GetString());
                AssertNear.Relative(expectedTests[i].GetProperty("stat"), tests[i].GetProperty("stat").GetDouble(), Tolerance.PValue, "stat");
                AssertNear.Relative(expectedTests[i].GetProperty("p"), tests[i].GetProperty("p").GetDouble(), Tolerance.PValue, "p");
                Assert.Equal(expectedTests[i].GetProperty("df").GetInt32(), tests[i].GetProperty("df").GetInt32());
            }
        }
        else
        {
            Assert.False(json.TryGetProperty("gray_test", out _));
        }
    }

    [Theory]
    [InlineData("time,status\n1,1\n2,-1\n", "line 3: column 'status': status must be 0 (censored) or a positive whole-number cause, found '-1'")]
    [InlineData("time,status\n1,1\n2,1.5\n", "line 3: column 'status'")]
    [InlineData("time,status\n1,1\n2,death\n", "line 3: column 'status' must be a whole-number status code")]
    [InlineData("time,status\n1,1\n-2,0\n", "line 3: column 'time'")]
    public void Cif_BadStatusOrTime_IsAUserErrorNamingTheLine(string csv, string message)
    {
        using var file = new TempFile(csv);
        CliRun.Of("cif", "--data", file.Path, "--time", "time", "--status", "status").AssertUserError(message);
    }

    [Fact]
    public void Cif_Readable_ShowsGrayTest()
    {
        var run = CliRun.Of("cif", "--data", Fixture.PathOf("validation", "data", "cif_small.csv"), "--time", "time", "--status", "status",
            "--group", "group", "--at", "5");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Gray's test, cause 1: chi-square = 1.1509 on 1 df", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cif_SingleGroupLevel_WarnsAndHasNoTest()
    {
        using var file = new TempFile("time,status,group\n1,1,a\n2,2,a\n3,0,a\n");
        var run = CliRun.Of("cif", "--data", file.Path, "--time", "time", "--status", "status", "--group", "group", "--json");
        Assert.Empty(run.Json().GetProperty("gray_test").EnumerateArray());
        Assert.Contains("single level", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cif_AtAfterLastFollowUp_IsNull()
    {
        using var file = new TempFile("time,status\n1,1\n2,2\n3,0\n");
        var json = CliRun.Of("cif", "--data", file.Path, "--time", "time", "--status", "status", "--at", "2,4", "--json").Json();
        var rows = json.GetProperty("groups")[0].GetProperty("causes")[0].GetProperty("at");
        Assert.Equal(1.0 / 3, rows[0].GetProperty("cif").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("cif").ValueKind);
    }
}
