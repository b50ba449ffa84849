using System.Globalization;
using System.Text.Json;
using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

/// <summary>
/// `sarc km --json` end to end (CSV read, missing rows dropped, fit, JSON) against the values R computed from the same
/// files (validation/km.R): every number of every group, for every confidence type and level the fixture holds.
/// </summary>
public class KmCommandTest
{
    public static TheoryData<string> Datasets() =>
        ["ties", "all_censored", "one_group", "zero_events", "not_reached", "flat_half", "timefix", "sarcoma", "missing"];

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Km_Json_MatchesRForEveryConfidenceSetting(string dataset)
    {
        var reference = Fixture.Reference("km_" + dataset);
        var path = Fixture.PathOf("validation", "data", $"km_{dataset}.csv");
        var hasGroup = reference.GetProperty("has_group").GetBoolean();
        var at = string.Join(',', Fixture.Numbers(reference.GetProperty("at")).Select(t => t.ToString("R", CultureInfo.InvariantCulture)));
        foreach (var fit in reference.GetProperty("fits").EnumerateArray())
        {
            var confType = fit.GetProperty("conf_type").GetString()!;
            var confLevel = fit.GetProperty("conf_level").GetDouble().ToString("R", CultureInfo.InvariantCulture);
            List<string> args = ["km", "--data", path, "--time", "time", "--event", "event", "--at", at,
                "--conf-type", confType, "--conf-level", confLevel, "--json"];
            if (hasGroup)
            {
                args.AddRange(["--group", "group"]);
            }
            var actual = CliRun.Of([.. args]).Json();
            var what = $"{dataset} {confType} {confLevel}";
            Assert.Equal(fit.GetProperty("n_excluded").GetInt32(), actual.GetProperty("n_excluded").GetInt32());
            CompareObject(fit.GetProperty("median_followup"), actual.GetProperty("median_followup"), $"{what} median_followup");
            var expectedGroups = fit.GetProperty("groups").EnumerateArray().ToArray();
            var actualGroups = actual.GetProperty("groups").EnumerateArray().ToArray();
            Assert.Equal(expectedGroups.Length, actualGroups.Length);
            for (var g = 0; g < expectedGroups.Length; g++)
            {
                CompareGroup(expectedGroups[g], actualGroups[g], $"{what} group {g}");
            }
            if (hasGroup && fit.TryGetProperty("logrank", out var logRank) && logRank.ValueKind == JsonValueKind.Object)
            {
                CompareObject(logRank, actual.GetProperty("logrank"), $"{what} logrank", ["chisq", "df", "p"]);
            }
            else
            {
                Assert.False(actual.TryGetProperty("logrank", out var test) && test.ValueKind != JsonValueKind.Null, $"{what}: no log-rank test expected");
            }
        }
    }

    [Fact]
    public void Km_MissingValues_AreExcludedAndCounted()
    {
        // km_missing.csv: 20 rows, 7 with NA or an empty cell in time, event or group.
        var json = CliRun.Of("km", "--data", Fixture.PathOf("validation", "data", "km_missing.csv"),
            "--time", "time", "--event", "event", "--group", "group", "--json").Json();
        Assert.Equal(7, json.GetProperty("n_excluded").GetInt32());
        Assert.Equal(13, json.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("n").GetInt32()));
    }

    [Fact]
    public void Km_Readable_PrintsMedianTableAndLogRank()
    {
        var run = CliRun.Of("km", "--data", Fixture.PathOf("validation", "data", "km_ties.csv"),
            "--time", "time", "--event", "event", "--group", "group", "--at", "5");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Log-rank test: chi-square = ", run.Output, StringComparison.Ordinal);
        Assert.Contains("Median follow-up (reverse Kaplan-Meier)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Km_MissingFile_IsAUserError()
    {
        CliRun.Of("km", "--data", "/no/such/cohort.csv", "--time", "t", "--event", "e").AssertUserError("/no/such/cohort.csv: file not found");
    }

    [Fact]
    public void Km_UnknownColumn_ListsTheColumns()
    {
        CliRun.Of("km", "--data", Fixture.PathOf("validation", "data", "km_ties.csv"), "--time", "os", "--event", "event")
            .AssertUserError("column 'os' not found; the columns are: time, event, group");
    }

    [Fact]
    public void Km_TextTime_NamesTheFirstBadLine()
    {
        using var csv = new TempFile("time,event\n1,1\nlater,0\n");
        CliRun.Of("km", "--data", csv.Path, "--time", "time", "--event", "event").AssertUserError("line 3: column 'time' must be a numeric time, found 'later'");
    }

    [Fact]
    public void Km_NegativeTime_IsAUserError()
    {
        using var csv = new TempFile("time,event\n1,1\n-4,0\n");
        CliRun.Of("km", "--data", csv.Path, "--time", "time", "--event", "event").AssertUserError("line 3: column 'time': time must be finite and >= 0, found -4");
    }

    [Fact]
    public void Km_ZeroInAOneTwoCodedEvent_IsAUserError()
    {
        // The largest value is 2, so the column is coded 1/2 as R's Surv reads it, and 0 is neither.
        using var csv = new TempFile("time,event\n1,1\n4,2\n5,0\n");
        CliRun.Of("km", "--data", csv.Path, "--time", "time", "--event", "event")
            .AssertUserError("line 4: column 'event': event is coded 1/2 (1 = censored, 2 = event, as the column's largest value is 2), found '0'");
    }

    [Fact]
    public void Km_UnknownConfType_IsAUserErrorOnOneLine()
    {
        CliRun.Of("km", "--data", "x.csv", "--time", "t", "--event", "e", "--conf-type", "arcsin").AssertUserError("'arcsin'");
    }

    [Fact]
    public void Km_SingleGroupLevel_GivesCurveWithoutLogRank()
    {
        using var csv = new TempFile("time,event,g\n1,1,a\n2,0,a\n3,1,a\n");
        var run = CliRun.Of("km", "--data", csv.Path, "--time", "time", "--event", "event", "--group", "g", "--json");
        var json = run.Json();
        Assert.Equal(JsonValueKind.Null, json.GetProperty("logrank").ValueKind);
        Assert.Contains("single level", run.Error, StringComparison.Ordinal);
    }

    private static void CompareGroup(JsonElement expected, JsonElement actual, string what)
    {
        Assert.Equal(expected.GetProperty("group").ToString(), actual.GetProperty("group").ToString());
        CompareObject(expected, actual, what, ["n", "events", "median", "median_lower", "median_upper"]);
        var expectedAt = expected.GetProperty("at").EnumerateArray().ToArray();
        var actualAt = actual.GetProperty("at").EnumerateArray().ToArray();
        Assert.Equal(expectedAt.Length, actualAt.Length);
        for (var i = 0; i < expectedAt.Length; i++)
        {
            CompareObject(expectedAt[i], actualAt[i], $"{what} at[{i}]", ["time", "n_risk", "surv", "std_err", "lower", "upper"]);
        }
        var expectedSteps = expected.GetProperty("steps").EnumerateArray().ToArray();
        var actualSteps = actual.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(expectedSteps.Length, actualSteps.Length);
        for (var i = 0; i < expectedSteps.Length; i++)
        {
            CompareObject(expectedSteps[i], actualSteps[i], $"{what} steps[{i}]", ["time", "n_risk", "n_event", "n_censor", "surv", "lower", "upper"]);
        }
    }

    private static void CompareObject(JsonElement expected, JsonElement actual, string what, string[]? names = null)
    {
        foreach (var name in names ?? expected.EnumerateObject().Select(p => p.Name).ToArray())
        {
            // Estimates at 1e-6; confidence limits and tests at 1e-5, as DEVELOPERS.md sets them.
            var tolerance = name is "lower" or "upper" or "median_lower" or "median_upper" or "chisq" or "p" ? Tolerance.PValue : Tolerance.Estimate;
            AssertNear.Relative(expected.GetProperty(name), Fixture.Number(actual.GetProperty(name)), tolerance, $"{what} {name}");
        }
    }
}
