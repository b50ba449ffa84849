using Sarc.Data;
using Sarc.Surveillance.Rules;

namespace Sarc.Surveillance.Tests.Rules;

public class RuleSetParseTest
{
    [Fact]
    public void Parse_SmallValidFile_GivesItsVisitsAndExams()
    {
        var rules = RuleSet.Parse(RuleText.Valid, "center.yaml");

        var main = rules.GetProfile("main");
        Assert.Equal([3, 6, 9, 12, 18, 24], main.Visits.Select(v => v.Month));
        Assert.Equal(["clinical"], main.Visits[0].Exams);
        Assert.Equal(["clinical", "chest_ct"], main.Visits[1].Exams);
        Assert.Equal(24, main.LastMonth);
        Assert.Equal("center.yaml", rules.Source);
    }

    [Theory]
    // Each case breaks one line of the small valid file; the error must name that line and say what is wrong.
    [InlineData(13, "      - { months: 15-24, every: 3 }", 13, "leave a gap after month 12")] // months 12-15 uncovered
    [InlineData(13, "      - { months: 9-24, every: 3 }", 13, "overlap the range before, 0-12")]
    [InlineData(13, "      - { months: 12-24, every: 5 }", 13, "not a whole number of 5-month intervals")] // 24 would be missed
    [InlineData(12, "      - { months: 3-12, every: 3 }", 12, "must start at month 0")] // the first 3 months uncovered
    [InlineData(12, "      - { months: 12-0, every: 3 }", 12, "must end after they start")]
    [InlineData(12, "      - { months: 0 to 12, every: 3 }", 12, "must be a range A-B")]
    [InlineData(12, "      - { months: 0-12, every: 0 }", 12, "must be a whole number of months from 1")]
    [InlineData(16, "      - { exam: pet_ct }", 16, "unknown exam 'pet_ct'")]
    [InlineData(16, "      - { exam: chest_ct, evry: 6 }", 16, "unknown key 'evry'")] // a typo is never ignored
    [InlineData(16, "      - { exam: clinical, months: 0-12 }", 16, "overlaps its rule on line 15")]
    [InlineData(16, "      - { exam: chest_ct, months: 0-36 }", 16, "go past the last visit, month 24")]
    [InlineData(16, "      - { exam: chest_ct, every: 5 }", 14, "never falls on a visit month")] // 5 divides no visit month
    [InlineData(15, "      - { exam: clinical, months: 12-24 }", 14, "the visit at month 3 has no exams")]
    [InlineData(10, "    after_local_recurrence: intensive", 10, "'intensive', which is not a profile")]
    [InlineData(9, "    sites: [limb]", 6, "no profile is for grade 1 at site retroperitoneum")] // coverage gap
    [InlineData(9, "    sites: [arm]", 9, "unknown site 'arm'")]
    [InlineData(8, "    grades: [1, 4]", 8, "unknown grade '4'")]
    [InlineData(8, "    grades: [1, 2, 3]", 6, "no profile is for grade X at site limb")] // GX must be placed somewhere
    [InlineData(1, "version: 2", 1, "version 1")]
    [InlineData(3, "  Clinical: Clinical examination", 3, "'Clinical' is not a valid exam name")]
    [InlineData(5, "sites: [limb, limb, retroperitoneum]", 5, "'limb' is listed twice")]
    [InlineData(11, "    visit:", 11, "unknown key 'visit'")]
    public void TryParse_OneBrokenLine_ReportsThatLine(int line, string text, int expectedLine, string expectedMessage)
    {
        var result = RuleSet.TryParse(RuleText.With(line, text), "center.yaml");

        Assert.False(result.Success);
        Assert.Null(result.Rules);
        Assert.Contains(result.Errors, e => e.Line == expectedLine && e.Message.Contains(expectedMessage, StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.Equal("center.yaml", e.Source));
        Assert.All(result.Errors, e => Assert.DoesNotContain('\n', e.Message));
    }

    [Fact]
    public void Parse_TwoProfilesForTheSamePatients_ReportsTheOverlapAtTheSecondProfile()
    {
        var text = RuleText.Valid + RuleText.Join(
        [
            "  other:",                           // 17
            "    grades: [3]",
            "    sites: [retroperitoneum]",
            "    after_local_recurrence: main",
            "    visits:",
            "      - { months: 0-12, every: 4 }",
            "    exams:",
            "      - { exam: clinical }",
        ]);

        var error = Assert.Single(RuleSet.TryParse(text, "center.yaml").Errors);

        Assert.Equal(17, error.Line);
        Assert.Equal("profiles: grade 3 at site retroperitoneum is in both profile 'main' and profile 'other'", error.Message);
    }

    [Fact]
    public void Parse_MissingVisits_NamesTheMissingKey()
    {
        var result = RuleSet.TryParse(RuleText.With((11, null), (12, null), (13, null)), "center.yaml");

        Assert.Contains(result.Errors, e => e.Message == "profile 'main': 'visits' is missing" && e.Line == 8);
    }

    [Fact]
    public void Parse_KeyGivenTwice_IsAnErrorOnTheSecondLine()
    {
        var result = RuleSet.TryParse(RuleText.With(9, "    sites: any\n    sites: [limb]"), "center.yaml");

        Assert.False(result.Success);
        Assert.Equal(10, result.Errors[0].Line);
    }

    [Fact]
    public void Parse_InvalidYaml_ReportsNotValidYamlAtTheLine()
    {
        var result = RuleSet.TryParse(RuleText.With(12, "      - { months: 0-12, every: 3"), "center.yaml");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("not valid YAML: ", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line, 12, 13);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Parse_EmptyFile_SaysSo(string text)
    {
        var error = Assert.Single(RuleSet.TryParse(text, "center.yaml").Errors);
        Assert.Equal("center.yaml:1: the rule file is empty", error.ToString());
    }

    [Fact]
    public void Parse_NotAMapping_SaysWhatTheFileMustHold()
    {
        var error = Assert.Single(RuleSet.TryParse("- a\n- b\n", "center.yaml").Errors);
        Assert.Contains("must be a mapping with the keys version, exams, sites and profiles", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_SeveralProblems_ReportsEveryOneInLineOrder()
    {
        var result = RuleSet.TryParse(RuleText.With((13, "      - { months: 15-24, every: 3 }"), (16, "      - { exam: pet_ct }")), "center.yaml");

        Assert.Equal([13, 16], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Parse_SeveralProblems_ThrowsOneLineWithTheFirstAndTheCount()
    {
        var text = RuleText.With((13, "      - { months: 15-24, every: 3 }"), (16, "      - { exam: pet_ct }"));

        var e = Assert.Throws<DataInputException>(() => RuleSet.Parse(text, "center.yaml"));

        Assert.StartsWith("center.yaml:13: profile 'main': visit months 15-24 leave a gap after month 12", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("(and 1 more problem in the file)", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Load_MissingFile_IsAUserErrorNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sarc-no-such-{Guid.NewGuid():N}.yaml");

        var e = Assert.Throws<DataInputException>(() => RuleSet.Load(path));

        Assert.StartsWith(path + ": cannot read the rule file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileOnDisk_CarriesItsPathInMessages()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sarc-rules-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, RuleText.With(16, "      - { exam: pet_ct }"));
        try
        {
            var e = Assert.Throws<DataInputException>(() => RuleSet.Load(path));
            Assert.StartsWith(path + ":16: profile 'main': unknown exam 'pet_ct'", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_SitesExcept_CoversEverySiteButTheOnesNamed()
    {
        var text = RuleText.With(9, "    sites_except: [retroperitoneum]") + RuleText.Join(
        [
            "  retro:",
            "    grades: any",
            "    sites: [retroperitoneum]",
            "    after_local_recurrence: retro",
            "    visits:",
            "      - { months: 0-12, every: 4 }",
            "    exams:",
            "      - { exam: clinical }",
        ]);

        var rules = RuleSet.Parse(text, "center.yaml");

        Assert.Equal(["limb"], rules.GetProfile("main").Sites);
        Assert.Equal("retro", rules.SelectProfile(TumorGrade.G2, "retroperitoneum").Name);
        Assert.Equal("main", rules.SelectProfile(TumorGrade.G2, "limb").Name);
    }

    [Fact]
    public void NormalizeSite_UnknownSite_ListsTheValidOnes()
    {
        var e = Assert.Throws<DataInputException>(() => RuleSet.Default.SelectProfile(TumorGrade.G2, "arm"));
        Assert.Equal(
            "site: unknown site 'arm'; expected one of extremity_lower, extremity_upper, trunk, retroperitoneum, head_neck, visceral.",
            e.Message);
    }

    [Fact]
    public void GetProfile_UnknownName_IsAUserError()
    {
        var e = Assert.Throws<DataInputException>(() => RuleSet.Default.GetProfile("intensive"));
        Assert.Contains("no profile 'intensive'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateProfileName_IsReportedAtItsLine()
    {
        var text = RuleText.Valid + RuleText.Join(
        [
            "  main:",                            // 17
            "    grades: any",
            "    sites: any",
            "    after_local_recurrence: main",
            "    visits:",
            "      - { months: 0-12, every: 4 }",
            "    exams:",
            "      - { exam: clinical }",
        ]);

        var result = RuleSet.TryParse(text, "center.yaml");

        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Line == 17);
    }
}
