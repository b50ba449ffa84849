namespace Sarc.Cli.Tests.Commands;

public class SurveillanceCommandTest
{
    private static string[] Dates(System.Text.Json.JsonElement json) =>
        json.GetProperty("visits").EnumerateArray().Select(v => v.GetProperty("date").GetString()!).ToArray();

    [Fact]
    public void Schedule_HighGradeJan31_PrintsClampedDatesAndExamsAsJson()
    {
        var json = CliRun.Of("surveillance", "schedule", "--grade", "3", "--site", "trunk", "--surgery-date", "2024-01-31", "--json").Json();

        Assert.Equal("high", json.GetProperty("profile").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("profile_after_lr").ValueKind);
        // Months 3, 6, 9, 12 from Jan 31: Apr 30, Jul 31, Oct 31, Jan 31.
        Assert.Equal(["2024-04-30", "2024-07-31", "2024-10-31", "2025-01-31"], Dates(json).Take(4));
        Assert.Equal(21, Dates(json).Length);
        var second = json.GetProperty("visits")[1];
        Assert.Equal(["clinical", "chest_ct", "mri_primary"], second.GetProperty("exams").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Schedule_WithRecurrence_RestartsOnHighFromTheRecurrenceDate()
    {
        var json = CliRun.Of(
            "surveillance", "schedule", "--grade", "1", "--site", "extremity_lower", "--surgery-date", "2020-01-15",
            "--lr-date", "2021-03-01", "--json").Json();

        Assert.Equal("low", json.GetProperty("profile").GetString());
        Assert.Equal("high", json.GetProperty("profile_after_lr").GetString());
        Assert.Equal(["2020-07-15", "2021-01-15", "2021-06-01"], Dates(json).Take(3));
        Assert.True(json.GetProperty("visits")[2].GetProperty("after_lr").GetBoolean());
    }

    [Fact]
    public void Schedule_Readable_PrintsATableOfVisits()
    {
        var run = CliRun.Of("surveillance", "schedule", "--grade", "X", "--site", "retroperitoneum", "--surgery-date", "2023-01-31");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Profile retroperitoneum: ", lines[0], StringComparison.Ordinal);
        Assert.Equal("date        month  from     exams", lines[1]);
        Assert.Equal("2023-05-31      4  surgery  clinical, chest_ct, ct_abdomen_pelvis", lines[3]);
        Assert.Equal(2 + 18, lines.Length - 1); // header, rule, 18 visits (and the profile line)
    }

    [Theory]
    [InlineData("--grade", "4", "--grade: unknown grade '4'; expected 1, 2, 3 or X.")]
    [InlineData("--site", "arm", "--site: unknown site 'arm'")]
    [InlineData("--surgery-date", "2023-02-29", "--surgery-date: '2023-02-29' is not a date")]
    [InlineData("--lr-date", "01/02/2021", "--lr-date: '01/02/2021' is not a date")]
    [InlineData("--lr-date", "2019-12-31", "--lr-date 2019-12-31 is before --surgery-date 2020-01-15.")]
    public void Schedule_BadInput_IsAOneLineUserError(string option, string value, string message)
    {
        var args = new Dictionary<string, string>
        {
            ["--grade"] = "2", ["--site"] = "trunk", ["--surgery-date"] = "2020-01-15",
        };
        args[option] = value;
        CliRun.Of(["surveillance", "schedule", .. args.SelectMany(a => new[] { a.Key, a.Value })]).AssertUserError(message);
    }

    [Fact]
    public void Schedule_CenterRules_AreUsed()
    {
        using var file = new TempFile(RuleFileWithEvery(4), ".yaml");
        var path = file.Path;
        var json = CliRun.Of("surveillance", "schedule", "--grade", "2", "--site", "limb", "--surgery-date", "2020-01-15", "--rules", path, "--json").Json();
        Assert.Equal(["2020-05-15", "2020-09-15", "2021-01-15"], Dates(json));
        Assert.Equal(path, json.GetProperty("rules").GetString());
    }

    [Fact]
    public void Schedule_RuleFileWithAGap_IsAOneLineUserErrorNamingTheLine()
    {
        using var file = new TempFile(RuleFileWithEvery(4).Replace("- { months: 0-12, every: 4 }", "- { months: 0-12, every: 4 }\n      - { months: 18-24, every: 6 }", StringComparison.Ordinal), ".yaml");
        var path = file.Path;
        CliRun.Of("surveillance", "schedule", "--grade", "2", "--site", "limb", "--surgery-date", "2020-01-15", "--rules", path)
            .AssertUserError($"{path}:11: profile 'main': visit months 18-24 leave a gap after month 12");
    }

    [Fact]
    public void Schedule_RuleFileWithAnUnknownExam_IsAOneLineUserError()
    {
        using var file = new TempFile(RuleFileWithEvery(4).Replace("exam: clinical", "exam: pet_ct", StringComparison.Ordinal), ".yaml");
        var path = file.Path;
        CliRun.Of("surveillance", "schedule", "--grade", "2", "--site", "limb", "--surgery-date", "2020-01-15", "--rules", path)
            .AssertUserError($"{path}:12: profile 'main': unknown exam 'pet_ct'");
    }

    [Fact]
    public void Schedule_MissingRuleFile_IsAUserError()
    {
        CliRun.Of("surveillance", "schedule", "--grade", "2", "--site", "trunk", "--surgery-date", "2020-01-15", "--rules", "/no/such/rules.yaml")
            .AssertUserError("/no/such/rules.yaml: cannot read the rule file");
    }

    [Fact]
    public void Rules_WithoutAFile_PrintsTheBuiltInRulesForACenterToCopy()
    {
        var run = CliRun.Of("surveillance", "rules");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Sarc.Surveillance.Rules.RuleSet.DefaultText(), run.Output);
    }

    [Fact]
    public void Rules_ValidFile_SaysSoWithItsProfiles()
    {
        using var file = new TempFile(RuleFileWithEvery(4), ".yaml");
        var path = file.Path;
        var run = CliRun.Of("surveillance", "rules", "--rules", path);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{path}: valid; profiles main (3 visits to month 12)\n", run.Output.ReplaceLineEndings("\n"));
    }

    private static string RuleFileWithEvery(int every) =>
        $"""
        version: 1
        exams: {"{"} clinical: Clinical examination {"}"}
        sites: [limb]
        profiles:
          main:
            grades: any
            sites: any
            after_local_recurrence: main
            visits:
              - {"{"} months: 0-12, every: {every} {"}"}
            exams:
              - {"{"} exam: clinical {"}"}
        """;

}
