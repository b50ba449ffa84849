using Sarc.Registry.Domain;

namespace Sarc.Registry.Tests.Domain;

public class AjccStagingTest
{
    // Boundaries are inclusive on the upper side: 5 cm is T1, 5.0001 cm is T2 (AJCC 8th "<= 5 cm").
    [Theory]
    [InlineData(5.0, "T1")]
    [InlineData(5.0001, "T2")]
    [InlineData(10.0, "T2")]
    [InlineData(10.5, "T3")]
    [InlineData(15.0, "T3")]
    [InlineData(15.1, "T4")]
    public void TCategory_ExtremityBoundaries(double size, string expected) =>
        Assert.Equal(expected, AjccStaging.TCategory(TumorSite.ExtremityLower, size));

    [Theory]
    [InlineData(3.0, FnclccGrade.G1, "IA")]
    [InlineData(3.0, FnclccGrade.GX, "IA")]
    [InlineData(12.0, FnclccGrade.G1, "IB")]
    [InlineData(3.0, FnclccGrade.G2, "II")]
    [InlineData(8.0, FnclccGrade.G3, "IIIA")]
    [InlineData(12.0, FnclccGrade.G2, "IIIB")]
    [InlineData(20.0, FnclccGrade.G3, "IIIB")]
    public void StageGroup_TrunkAndExtremity(double size, FnclccGrade grade, string expected)
    {
        Assert.Equal(expected, AjccStaging.StageGroup(TumorSite.Trunk, size, grade, metastaticAtDiagnosis: false));
        Assert.Equal(expected, AjccStaging.StageGroup(TumorSite.Retroperitoneum, size, grade, metastaticAtDiagnosis: false));
    }

    [Theory]
    [InlineData(3.0, FnclccGrade.G1)]
    [InlineData(20.0, FnclccGrade.G3)]
    [InlineData(null, FnclccGrade.G2)]
    public void StageGroup_MetastaticAtDiagnosis_IsIVWhateverSizeAndGrade(double? size, FnclccGrade grade)
    {
        Assert.Equal("IV", AjccStaging.StageGroup(TumorSite.ExtremityUpper, size, grade, metastaticAtDiagnosis: true));
        Assert.Equal("IV", AjccStaging.StageGroup(TumorSite.Retroperitoneum, size, grade, metastaticAtDiagnosis: true));
        Assert.Null(AjccStaging.StageGroup(TumorSite.HeadNeck, size, grade, metastaticAtDiagnosis: true));
    }

    [Fact]
    public void UnknownSizeOrUnstagedSite_GivesNoStage()
    {
        Assert.Equal("TX", AjccStaging.TCategory(TumorSite.Trunk, null));
        Assert.Null(AjccStaging.StageGroup(TumorSite.Trunk, null, FnclccGrade.G3, metastaticAtDiagnosis: false));
        Assert.Null(AjccStaging.TCategory(TumorSite.Visceral, 4));
        Assert.Null(AjccStaging.StageGroup(TumorSite.HeadNeck, 4, FnclccGrade.G3, metastaticAtDiagnosis: false));
        Assert.Equal("T2", AjccStaging.TCategory(TumorSite.HeadNeck, 4));
        Assert.Equal("T3", AjccStaging.TCategory(TumorSite.HeadNeck, 4.5));
    }

    [Fact]
    public void RadiotherapyCourse_Hypofractionated_Eqd2NearPublished()
    {
        // 40.05 Gy / 15 fx at alpha/beta 4: BED = 40.05 (1 + 2.67/4) = 66.7833, EQD2 = BED / 1.5 = 44.5222 Gy (domain notes: about 44.5).
        var course = new RadiotherapyCourse(RadiotherapySetting.Neoadjuvant, 40.05, 15, null);
        Assert.Equal(66.78337500000001, course.Bed, 12);
        Assert.Equal(44.52225, course.Eqd2, 12);
    }

    [Fact]
    public void HistologyNames_KnownAndUnknownCodes()
    {
        Assert.Equal("leiomyosarcoma", HistologyNames.NameOf("8890/3"));
        Assert.Equal("synovial sarcoma", HistologyNames.NameOf("9040/3"));
        Assert.Null(HistologyNames.NameOf("8000/3"));
        Assert.True(HistologyNames.IsWellFormed("8000/3"));
        Assert.False(HistologyNames.IsWellFormed("8000/4"));
        Assert.False(HistologyNames.IsWellFormed("80003"));
    }
}
