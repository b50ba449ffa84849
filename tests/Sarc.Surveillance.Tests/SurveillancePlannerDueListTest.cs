using Sarc.Data;
using Sarc.Surveillance.Rules;
using static Sarc.Surveillance.Tests.SmallRegistry;

namespace Sarc.Surveillance.Tests;

public class SurveillancePlannerDueListTest
{
    private static readonly SurveillancePlanner Planner = new(RuleSet.Default);

    private static string Line(DueVisit v) =>
        $"{v.NextVisit:yyyy-MM-dd} {v.PatientId} {v.Status} {v.Profile} {string.Join(',', v.Exams)}";

    [Fact]
    public void DueList_SmallRegistry_ListsOverdueAndDuePatientsByDate()
    {
        var due = Planner.DueList(Patients, AsOf);

        string[] expected =
        [
            "2025-03-15 P08 Overdue retroperitoneum clinical,chest_ct,ct_abdomen_pelvis",
            "2025-04-10 P01 Overdue high clinical,chest_ct",
            "2025-06-01 P07 Overdue high clinical,chest_ct",
            "2025-06-15 P11 Due high clinical,chest_ct",
            "2025-06-20 P02 Due high clinical,chest_ct",
            "2025-06-20 P10 Due high clinical,chest_ct",
            "2025-06-25 P13 Due high clinical,chest_ct",
            "2025-07-01 P03 Due low clinical,chest_ct,mri_primary",
            "2025-07-15 P12 Due high clinical,chest_ct",
        ];
        Assert.Equal(expected, due.Select(Line));
    }

    [Fact]
    public void DueList_ZeroLookAhead_ListsOnlyVisitsOnOrBeforeTheAsOfDate()
    {
        var due = Planner.DueList(Patients, AsOf, withinDays: 0);
        Assert.Equal(["P08", "P01", "P07", "P11"], due.Select(v => v.PatientId));
    }

    [Fact]
    public void DueList_LongerLookAhead_PicksUpLaterVisits()
    {
        var due = Planner.DueList(Patients, AsOf, withinDays: 47);
        Assert.Contains(due, v => v.PatientId == "P04" && v.NextVisit == D("2025-08-01") && v.Status == DueStatus.Due);
    }

    [Fact]
    public void DueList_PatientsInAnyOrder_GiveTheSameList()
    {
        var expected = Planner.DueList(Patients, AsOf).Select(Line).ToArray();
        var random = new Random(20251115);
        for (var round = 0; round < 20; round++)
        {
            var shuffled = Patients.OrderBy(_ => random.Next()).ToArray();
            Assert.Equal(expected, Planner.DueList(shuffled, AsOf).Select(Line));
        }
    }

    [Fact]
    public void DueList_NextVisit_IsTheFirstScheduledVisitAfterTheLastFollowUp()
    {
        // The due list finds the next visit without building the schedule; the schedule is the oracle. Every last
        // follow-up date over 11 years, with and without a recurrence, for a high-grade and a retroperitoneal patient.
        foreach (var (grade, site, lr) in new (TumorGrade, string, DateOnly?)[]
                 {
                     (TumorGrade.G3, "trunk", null),
                     (TumorGrade.G1, "trunk", D("2021-10-31")),
                     (TumorGrade.G2, "retroperitoneum", D("2020-03-01")),
                 })
        {
            var surgery = D("2020-01-31");
            var schedule = Planner.Schedule(grade, site, surgery, lr);
            for (var lastSeen = surgery; lastSeen <= D("2032-01-31"); lastSeen = lastSeen.AddDays(3))
            {
                var patient = new SurveillancePatient("X", grade, site, surgery, lr, null, null, lastSeen);
                var asOf = D("2040-01-01"); // after every visit, so the next visit is always listed if there is one
                var listed = Planner.DueList([patient], asOf, withinDays: 0);
                var expected = schedule.Visits.FirstOrDefault(v => v.Date > lastSeen);
                if (expected is null)
                {
                    Assert.Empty(listed);
                }
                else
                {
                    var entry = Assert.Single(listed);
                    Assert.Equal(expected.Date, entry.NextVisit);
                    Assert.Equal(expected.Exams, entry.Exams);
                    Assert.Equal(expected.Profile, entry.Profile);
                }
            }
        }
    }

    [Fact]
    public void DueList_EmptyRegistry_IsEmpty()
    {
        Assert.Empty(Planner.DueList([], AsOf));
    }

    [Fact]
    public void DueList_NegativeLookAhead_IsAUserError()
    {
        var e = Assert.Throws<DataInputException>(() => Planner.DueList(Patients, AsOf, withinDays: -1));
        Assert.Equal("within-days: -1 must be 0 or more.", e.Message);
    }

    [Fact]
    public void DueList_LastFollowUpBeforeSurgery_NamesThePatient()
    {
        var bad = new SurveillancePatient("P99", TumorGrade.G3, "trunk", D("2024-01-10"), null, null, null, D("2023-12-01"));
        var e = Assert.Throws<DataInputException>(() => Planner.DueList([.. Patients, bad], AsOf));
        Assert.Equal("patient P99: last follow-up date 2023-12-01 is before the surgery date 2024-01-10.", e.Message);
    }

    [Fact]
    public void DueList_RecurrenceBeforeSurgeryEvenAfterAsOf_NamesThePatient()
    {
        var bad = new SurveillancePatient("P98", TumorGrade.G3, "trunk", D("2025-07-10"), D("2025-07-01"), null, null, D("2025-07-10"));
        var e = Assert.Throws<DataInputException>(() => Planner.DueList([bad], AsOf));
        Assert.StartsWith("patient P98: local recurrence date 2025-07-01 is before", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DueList_UnknownSite_NamesThePatient()
    {
        var bad = new SurveillancePatient("P97", TumorGrade.G3, "lung", D("2024-01-10"), null, null, null, D("2024-01-10"));
        var e = Assert.Throws<DataInputException>(() => Planner.DueList([bad], AsOf));
        Assert.StartsWith("patient P97: site: unknown site 'lung'", e.Message, StringComparison.Ordinal);
    }
}
