using Sarc.Registry.Domain;
using Sarc.Registry.Template;
using WebCodes = Sarc.Web.Hosting.TemplateCodes;

namespace Sarc.Web.Tests;

/// <summary>The web's copy of the template codes must say what the registry's export says, for every enum value.</summary>
public sealed class TemplateCodesTest
{
    [Fact]
    public void Codes_MatchTheRegistryExport_ForEveryValue()
    {
        foreach (var site in Enum.GetValues<TumorSite>())
        {
            foreach (var grade in Enum.GetValues<FnclccGrade>())
            {
                foreach (var margin in Enum.GetValues<ResectionMargin>())
                {
                    var record = new PatientRecord(
                        new Patient("X", "A", Sex.Female, new DateOnly(1960, 1, 1), new DateOnly(2022, 1, 1)),
                        new PrimaryTumor(new DateOnly(2019, 1, 1), "8890/3", site, null, null, grade),
                        [new Surgery(new DateOnly(2019, 2, 1), margin)], [], null, null, []);
                    var cells = TemplateCells.Of(record);
                    Assert.Equal(cells[TemplateColumns.Site], WebCodes.Code(site));
                    Assert.Equal(cells[TemplateColumns.Grade], WebCodes.Code(grade));
                    Assert.Equal(cells[TemplateColumns.Margin], WebCodes.Code(margin));
                }
            }
        }
        foreach (var setting in Enum.GetValues<RadiotherapySetting>())
        {
            var record = new PatientRecord(
                new Patient("X", "A", Sex.Female, new DateOnly(1960, 1, 1), new DateOnly(2022, 1, 1)),
                new PrimaryTumor(new DateOnly(2019, 1, 1), "8890/3", TumorSite.Trunk, null, null, FnclccGrade.G1),
                [new Surgery(new DateOnly(2019, 2, 1), ResectionMargin.R0)], [new RadiotherapyCourse(setting, 50, 25, null)], null, null,
                [new OutcomeEvent(OutcomeEventKind.Death, new DateOnly(2021, 1, 1), DeathCause.Other)]);
            Assert.Equal(TemplateCells.Of(record)[TemplateColumns.RtSetting], WebCodes.Code(setting));
        }
        foreach (var cause in Enum.GetValues<DeathCause>())
        {
            var record = new PatientRecord(
                new Patient("X", "A", Sex.Female, new DateOnly(1960, 1, 1), new DateOnly(2022, 1, 1)),
                new PrimaryTumor(new DateOnly(2019, 1, 1), "8890/3", TumorSite.Trunk, null, null, FnclccGrade.G1),
                [new Surgery(new DateOnly(2019, 2, 1), ResectionMargin.R0)], [], null, null,
                [new OutcomeEvent(OutcomeEventKind.Death, new DateOnly(2021, 1, 1), cause)]);
            Assert.Equal(TemplateCells.Of(record)[TemplateColumns.DeathCause], WebCodes.Code(cause));
        }
    }
}
