using Sarc.Surveillance.Rules;

namespace Sarc.Surveillance.Tests.Rules;

/// <summary>The shipped rules against the plan written out in the issue and in shared/domain.md.</summary>
public class DefaultRulesTest
{
    private static readonly RuleSet Rules = RuleSet.Default;

    [Fact]
    public void Default_HighProfile_VisitsEvery3MonthsTo36ThenEvery6To60ThenYearlyTo120()
    {
        int[] expected = [3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 42, 48, 54, 60, 72, 84, 96, 108, 120];
        Assert.Equal(expected, Rules.GetProfile("high").Visits.Select(v => v.Month));
    }

    [Fact]
    public void Default_LowProfile_VisitsEvery6MonthsTo36ThenYearlyTo120()
    {
        int[] expected = [6, 12, 18, 24, 30, 36, 48, 60, 72, 84, 96, 108, 120];
        Assert.Equal(expected, Rules.GetProfile("low").Visits.Select(v => v.Month));
    }

    [Fact]
    public void Default_RetroperitonealProfile_VisitsEvery4MonthsTo36ThenEvery6To60ThenYearlyTo120()
    {
        int[] expected = [4, 8, 12, 16, 20, 24, 28, 32, 36, 42, 48, 54, 60, 72, 84, 96, 108, 120];
        Assert.Equal(expected, Rules.GetProfile("retroperitoneum").Visits.Select(v => v.Month));
    }

    [Theory]
    // High: chest CT every visit; MRI at months divisible by 6 up to 36, then divisible by 12 only.
    [InlineData("high", 3, "clinical chest_ct")]
    [InlineData("high", 6, "clinical chest_ct mri_primary")]
    [InlineData("high", 33, "clinical chest_ct")]
    [InlineData("high", 36, "clinical chest_ct mri_primary")]
    [InlineData("high", 42, "clinical chest_ct")] // divisible by 6 but past 36: no MRI
    [InlineData("high", 48, "clinical chest_ct mri_primary")]
    [InlineData("high", 54, "clinical chest_ct")]
    [InlineData("high", 60, "clinical chest_ct mri_primary")]
    [InlineData("high", 120, "clinical chest_ct mri_primary")]
    // Low: MRI every visit, chest CT only at months divisible by 12.
    [InlineData("low", 6, "clinical mri_primary")]
    [InlineData("low", 12, "clinical chest_ct mri_primary")]
    [InlineData("low", 30, "clinical mri_primary")]
    [InlineData("low", 36, "clinical chest_ct mri_primary")]
    [InlineData("low", 48, "clinical chest_ct mri_primary")]
    // Retroperitoneum: the same three exams at every visit.
    [InlineData("retroperitoneum", 4, "clinical chest_ct ct_abdomen_pelvis")]
    [InlineData("retroperitoneum", 42, "clinical chest_ct ct_abdomen_pelvis")]
    [InlineData("retroperitoneum", 120, "clinical chest_ct ct_abdomen_pelvis")]
    public void Default_ExamsAtMonth_FollowTheGuideline(string profile, int month, string exams)
    {
        var visit = Rules.GetProfile(profile).Visits.Single(v => v.Month == month);
        Assert.Equal(exams.Split(' '), visit.Exams);
    }

    [Theory]
    [InlineData(TumorGrade.G1, "extremity_lower", "low")]
    [InlineData(TumorGrade.G1, "trunk", "low")]
    [InlineData(TumorGrade.G2, "extremity_upper", "high")]
    [InlineData(TumorGrade.G3, "head_neck", "high")]
    [InlineData(TumorGrade.GX, "trunk", "high")] // grade not assessable is treated as high grade
    [InlineData(TumorGrade.GX, "visceral", "high")]
    [InlineData(TumorGrade.G1, "retroperitoneum", "retroperitoneum")] // site wins over grade
    [InlineData(TumorGrade.G3, "retroperitoneum", "retroperitoneum")]
    [InlineData(TumorGrade.GX, "Retroperitoneum", "retroperitoneum")] // case is ignored
    public void SelectProfile_GradeAndSite_PicksTheGuidelineProfile(TumorGrade grade, string site, string expected)
    {
        Assert.Equal(expected, Rules.SelectProfile(grade, site).Name);
    }

    [Theory]
    [InlineData("low", "high")]
    [InlineData("high", "high")]
    [InlineData("retroperitoneum", "retroperitoneum")]
    public void AfterLocalRecurrence_EachProfile_RestartsOnHighOrRetroperitoneal(string profile, string expected)
    {
        Assert.Equal(expected, Rules.AfterLocalRecurrence(Rules.GetProfile(profile)).Name);
    }

    [Fact]
    public void Default_ExamsAndSites_AreTheRegistryVocabulary()
    {
        Assert.Equal(["clinical", "chest_ct", "mri_primary", "ct_abdomen_pelvis"], Rules.Exams.Select(e => e.Name));
        Assert.Equal(["extremity_lower", "extremity_upper", "trunk", "retroperitoneum", "head_neck", "visceral"], Rules.Sites);
        Assert.Equal(RuleSet.DefaultSourceName, Rules.Source);
    }

    [Fact]
    public void DefaultText_ParsedAsAFile_GivesTheSameProfiles()
    {
        // A center starts from this text; it must be exactly the rules the tool uses when no file is given.
        var copy = RuleSet.Parse(RuleSet.DefaultText(), "copy.yaml");
        foreach (var profile in Rules.Profiles)
        {
            var other = copy.GetProfile(profile.Name);
            Assert.Equal(profile.Visits.Select(v => (v.Month, string.Join(' ', v.Exams))), other.Visits.Select(v => (v.Month, string.Join(' ', v.Exams))));
        }
    }

    [Fact]
    public void DefaultRulesFile_InTheRepository_IsTheEmbeddedOne()
    {
        var onDisk = File.ReadAllText(Sarc.Testing.Fixture.PathOf("src", "Sarc.Surveillance", "Rules", "default-rules.yaml"));
        Assert.Equal(onDisk, RuleSet.DefaultText());
    }
}
