using Sarc.Registry.Domain;

namespace Sarc.Surveillance.Tests;

public class RegistryPatientsTest
{
    [Fact]
    public void From_Record_MapsEveryGradeSiteCenterEventAndTheLastContact()
    {
        foreach (var (grade, expected) in new[] { (FnclccGrade.G1, TumorGrade.G1), (FnclccGrade.G2, TumorGrade.G2), (FnclccGrade.G3, TumorGrade.G3), (FnclccGrade.GX, TumorGrade.GX) })
        {
            Assert.Equal(expected, RegistryPatients.Grade(grade));
        }
        var record = new PatientRecord(
            new Patient("P1", "MUC", Sex.Female, new DateOnly(1960, 1, 1)),
            new PrimaryTumor(new DateOnly(2019, 12, 1), "8890/3", TumorSite.Retroperitoneum, TumorDepth.Deep, 12, FnclccGrade.G2),
            Comorbidity.None,
            [new Surgery(new DateOnly(2020, 1, 1), SurgeryKind.Primary)],
            [new RadiotherapyCourse(RadiotherapySetting.Adjuvant, 50, 25, new DateOnly(2020, 3, 1))],
            [],
            [new OutcomeEvent(OutcomeEventKind.LocalRecurrence, new DateOnly(2021, 1, 1)), new OutcomeEvent(OutcomeEventKind.LocalRecurrence, new DateOnly(2022, 1, 1))],
            [new FollowUpContact(new DateOnly(2021, 6, 1), FollowUpStatus.AliveWithDisease), new FollowUpContact(new DateOnly(2022, 6, 1), FollowUpStatus.Lost)]);

        var patient = RegistryPatients.From(record);

        Assert.Equal(
            new SurveillancePatient("P1", TumorGrade.G2, "retroperitoneum", new DateOnly(2020, 1, 1), new DateOnly(2021, 1, 1), null, null,
                new DateOnly(2022, 6, 1), "MUC", FollowUpStatus.Lost),
            patient);
    }
}
