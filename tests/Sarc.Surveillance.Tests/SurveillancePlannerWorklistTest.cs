using Sarc.Registry.Domain;
using Sarc.Surveillance.Rules;
using static Sarc.Surveillance.Tests.SmallRegistry;

namespace Sarc.Surveillance.Tests;

public class SurveillancePlannerWorklistTest
{
    private static readonly SurveillancePlanner Planner = new(RuleSet.Default);

    [Fact]
    public void Worklist_PatientWhoseLastContactWasLost_LeavesTheDueListForTheLostList()
    {
        // P01 is overdue; lost at its last contact it is no longer expected at a visit.
        var lost = Patients[0] with { LastContactStatus = FollowUpStatus.Lost, Center = "A" };

        var worklist = Planner.Worklist([lost, Patients[1]], AsOf);

        Assert.Equal(["P02"], worklist.Due.Select(v => v.PatientId));
        Assert.Equal(new LostPatient("P01", D("2025-01-10"), "A"), Assert.Single(worklist.Lost));
    }

    [Fact]
    public void Worklist_LostAfterAsOf_IsStillDueOnThatDate()
    {
        var later = Patients[0] with { LastContactStatus = FollowUpStatus.Lost, LastFollowUpDate = D("2025-06-20") };

        var worklist = Planner.Worklist([later], AsOf);

        Assert.Empty(worklist.Lost);
    }

    [Fact]
    public void Worklist_Center_KeepsOnlyThatCentersPatients_AndEachVisitCarriesItsLastContact()
    {
        var a = Patients[0] with { Center = "A", LastContactStatus = FollowUpStatus.NoEvidenceOfDisease };
        var b = Patients[1] with { Center = "B" };

        var worklist = Planner.Worklist([a, b], AsOf, center: "A");

        var visit = Assert.Single(worklist.Due);
        Assert.Equal(("P01", "A", D("2025-01-10"), FollowUpStatus.NoEvidenceOfDisease), (visit.PatientId, visit.Center, visit.LastContact, visit.LastContactStatus));
    }

    [Fact]
    public void DueListAndCalendar_APatientDatedInYear9000_AreStillMadeForEveryoneElse()
    {
        // A typo stored before imports refused such dates: it must not take the worklist down for the whole registry.
        var surgery = Patients[0] with { PatientId = "S9000", SurgeryDate = D("9000-01-01"), LastFollowUpDate = D("9000-01-01") };
        var contact = Patients[0] with { PatientId = "F9000", LastFollowUpDate = D("9000-01-01") };
        var recurrence = Patients[0] with { PatientId = "L9000", LocalRecurrenceDate = D("9000-01-01") };

        var due = Planner.DueList([surgery, contact, recurrence, Patients[1]], AsOf);
        var visits = Planner.VisitsBetween([surgery, contact, recurrence, Patients[1]], D("2025-01-01"), D("2026-12-31"));

        // A recurrence dated after as-of does not count yet (as any later event): that patient's plan goes on as before.
        Assert.Equal(["L9000", "P02"], due.Select(v => v.PatientId));
        Assert.Contains(visits, v => v.PatientId == "P02");
        Assert.DoesNotContain(visits, v => v.PatientId is "S9000" or "L9000");
    }
}
