using Sarc.Data;
using Sarc.Surveillance.Rules;
using static Sarc.Surveillance.Tests.SmallRegistry;

namespace Sarc.Surveillance.Tests;

public class SurveillancePlannerVisitsBetweenTest
{
    private static readonly SurveillancePlanner Planner = new(RuleSet.Default);

    [Fact]
    public void VisitsBetween_OneQuarter_ListsPendingVisitsOfFollowedPatientsByDate()
    {
        var visits = Planner.VisitsBetween(Patients, D("2025-06-01"), D("2025-07-15"));

        // P05 (metastasis), P06 (dead) and P10 (metastasis recorded, even if later) are left out; P13's recurrence on
        // 2025-06-20 is recorded, so its plan restarted and its 2025-06-25 visit is gone; both ends of the window count. P08's missed month-4 visit is before the window; its month 8 is in it.
        string[] expected =
        [
            "2025-06-01 P07", "2025-06-15 P11", "2025-06-20 P02", "2025-07-01 P03", "2025-07-10 P01", "2025-07-15 P08",
            "2025-07-15 P12",
        ];
        Assert.Equal(expected, visits.Select(v => $"{v.Visit.Date:yyyy-MM-dd} {v.PatientId}"));
    }

    [Fact]
    public void VisitsBetween_VisitsOnOrBeforeLastFollowUp_AreNotListed()
    {
        // P01 was seen on 2025-01-10 (month 12); the window holds months 12 and 15, only month 15 is pending.
        var visits = Planner.VisitsBetween(Patients.Where(p => p.PatientId == "P01"), D("2025-01-01"), D("2025-04-30"));
        Assert.Equal([D("2025-04-10")], visits.Select(v => v.Visit.Date));
    }

    [Fact]
    public void VisitsBetween_WindowEndingBeforeItStarts_IsAUserError()
    {
        var e = Assert.Throws<DataInputException>(() => Planner.VisitsBetween(Patients, D("2025-07-01"), D("2025-06-01")));
        Assert.Equal("the window ends (2025-06-01) before it starts (2025-07-01).", e.Message);
    }
}
