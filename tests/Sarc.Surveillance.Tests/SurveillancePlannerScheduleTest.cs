using Sarc.Data;
using Sarc.Surveillance.Rules;

namespace Sarc.Surveillance.Tests;

public class SurveillancePlannerScheduleTest
{
    private static readonly SurveillancePlanner Default = new(RuleSet.Default);

    // One visit a month for 13 months: every month-end case shows up within one schedule.
    private static readonly SurveillancePlanner Monthly = new(RuleSet.Parse(
        """
        version: 1
        exams: { clinical: Clinical examination }
        sites: [limb]
        profiles:
          monthly:
            grades: any
            sites: any
            after_local_recurrence: monthly
            visits:
              - { months: 0-13, every: 1 }
            exams:
              - { exam: clinical }
        """,
        "monthly.yaml"));

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    private static string[] Dates(SurveillanceSchedule schedule) => schedule.Visits.Select(v => v.Date.ToString("yyyy-MM-dd")).ToArray();

    [Theory]
    // Jan 31: month 1 clamps to Feb 28, but month 2 is Mar 31 again, because every month is added to the surgery date.
    [InlineData("2023-01-31", "2023-02-28 2023-03-31 2023-04-30 2023-05-31 2023-06-30 2023-07-31 2023-08-31 2023-09-30 2023-10-31 2023-11-30 2023-12-31 2024-01-31 2024-02-29")]
    // Leap year: Jan 31 + 1 month is Feb 29.
    [InlineData("2024-01-31", "2024-02-29 2024-03-31 2024-04-30 2024-05-31 2024-06-30 2024-07-31 2024-08-31 2024-09-30 2024-10-31 2024-11-30 2024-12-31 2025-01-31 2025-02-28")]
    // Aug 31: Sep 30 and Nov 30 clamp, Feb 29 in 2024, the 31st comes back in between.
    [InlineData("2023-08-31", "2023-09-30 2023-10-31 2023-11-30 2023-12-31 2024-01-31 2024-02-29 2024-03-31 2024-04-30 2024-05-31 2024-06-30 2024-07-31 2024-08-31 2024-09-30")]
    // Feb 29 surgery: later months keep the 29th; a year later there is no Feb 29, so Feb 28.
    [InlineData("2024-02-29", "2024-03-29 2024-04-29 2024-05-29 2024-06-29 2024-07-29 2024-08-29 2024-09-29 2024-10-29 2024-11-29 2024-12-29 2025-01-29 2025-02-28 2025-03-29")]
    // Mid-month dates never clamp.
    [InlineData("2023-03-15", "2023-04-15 2023-05-15 2023-06-15 2023-07-15 2023-08-15 2023-09-15 2023-10-15 2023-11-15 2023-12-15 2024-01-15 2024-02-15 2024-03-15 2024-04-15")]
    public void Schedule_MonthEndSurgeryDate_AddsMonthsToTheSurgeryDateClampedToMonthEnd(string surgery, string expected)
    {
        var schedule = Monthly.Schedule(TumorGrade.G2, "limb", D(surgery));
        Assert.Equal(expected.Split(' '), Dates(schedule));
    }

    [Theory]
    // High grade, every 3 months from Aug 31: Nov 30, then Feb 29 of the leap year, then back to the 31st.
    [InlineData(TumorGrade.G3, "trunk", "2023-08-31", "2023-11-30 2024-02-29 2024-05-31 2024-08-31 2024-11-30 2025-02-28")]
    // Nov 30 + 3 months: Feb 28 in a common year, Feb 29 in a leap year.
    [InlineData(TumorGrade.G2, "extremity_lower", "2022-11-30", "2023-02-28 2023-05-30 2023-08-30 2023-11-30 2024-02-29 2024-05-30")]
    [InlineData(TumorGrade.G2, "extremity_lower", "2023-11-30", "2024-02-29 2024-05-30 2024-08-30 2024-11-30 2025-02-28 2025-05-30")]
    // Low grade from Feb 29: every 6 months; the yearly visits fall on Feb 28 except in a leap year.
    [InlineData(TumorGrade.G1, "trunk", "2024-02-29", "2024-08-29 2025-02-28 2025-08-29 2026-02-28 2026-08-29 2027-02-28")]
    // Retroperitoneum from Jan 31: every 4 months, May 31, Sep 30, Jan 31.
    [InlineData(TumorGrade.G1, "retroperitoneum", "2023-01-31", "2023-05-31 2023-09-30 2024-01-31 2024-05-31 2024-09-30 2025-01-31")]
    public void Schedule_DefaultRules_FirstSixVisitsAreTheHandComputedDates(TumorGrade grade, string site, string surgery, string expected)
    {
        var schedule = Default.Schedule(grade, site, D(surgery));
        Assert.Equal(expected.Split(' '), Dates(schedule).Take(6));
    }

    [Fact]
    public void Schedule_HighGradeWithoutRecurrence_Has21VisitsEndingAt10Years()
    {
        var schedule = Default.Schedule(TumorGrade.G3, "extremity_lower", D("2020-01-15"));

        Assert.Equal("high", schedule.Profile);
        Assert.Null(schedule.ProfileAfterLocalRecurrence);
        Assert.Equal(21, schedule.Visits.Count);
        Assert.Equal(D("2020-04-15"), schedule.Visits[0].Date);
        Assert.Equal(D("2023-01-15"), schedule.Visits[11].Date); // month 36
        Assert.Equal(D("2023-07-15"), schedule.Visits[12].Date); // month 42, every 6 months from here
        Assert.Equal(D("2030-01-15"), schedule.Visits[^1].Date);
        Assert.All(schedule.Visits, v => Assert.False(v.AfterLocalRecurrence));
    }

    [Fact]
    public void Schedule_GradeX_FollowsTheHighGradePlan()
    {
        var gradeX = Default.Schedule(TumorGrade.GX, "trunk", D("2021-05-04"));
        var grade3 = Default.Schedule(TumorGrade.G3, "trunk", D("2021-05-04"));

        Assert.Equal("high", gradeX.Profile);
        Assert.Equal(Dates(grade3), Dates(gradeX));
        Assert.Equal(grade3.Visits.Select(v => string.Join(' ', v.Exams)), gradeX.Visits.Select(v => string.Join(' ', v.Exams)));
    }

    [Fact]
    public void Schedule_RecurrenceBeforeTheFirstVisit_KeepsNoSurgeryVisitsAndRestartsOnHigh()
    {
        // Surgery Jan 15, first visit would be Apr 15; the recurrence on Mar 1 comes first.
        var schedule = Default.Schedule(TumorGrade.G1, "trunk", D("2020-01-15"), D("2020-03-01"));

        Assert.Equal("low", schedule.Profile);
        Assert.Equal("high", schedule.ProfileAfterLocalRecurrence);
        Assert.Equal(21, schedule.Visits.Count);
        Assert.All(schedule.Visits, v => Assert.True(v.AfterLocalRecurrence));
        Assert.All(schedule.Visits, v => Assert.Equal("high", v.Profile));
        Assert.Equal(["2020-06-01", "2020-09-01", "2020-12-01"], Dates(schedule).Take(3));
        Assert.Equal(D("2030-03-01"), schedule.Visits[^1].Date);
    }

    [Fact]
    public void Schedule_RecurrenceAfterTheLastVisit_KeepsTheWholePlanThenRestarts()
    {
        var schedule = Default.Schedule(TumorGrade.G2, "trunk", D("2010-01-15"), D("2021-05-10"));

        Assert.Equal(42, schedule.Visits.Count);
        Assert.Equal(D("2020-01-15"), schedule.Visits[20].Date);
        Assert.False(schedule.Visits[20].AfterLocalRecurrence);
        Assert.Equal(D("2021-08-10"), schedule.Visits[21].Date);
        Assert.True(schedule.Visits[21].AfterLocalRecurrence);
        Assert.Equal(3, schedule.Visits[21].Month);
        Assert.Equal(D("2031-05-10"), schedule.Visits[^1].Date);
    }

    [Fact]
    public void Schedule_RecurrenceOnAVisitDate_KeepsThatVisit()
    {
        // "on or before the recurrence date": the month-6 visit of Jul 15 is kept, Oct 15 is not.
        var schedule = Default.Schedule(TumorGrade.G3, "trunk", D("2020-01-15"), D("2020-07-15"));

        Assert.Equal(["2020-04-15", "2020-07-15", "2020-10-15", "2021-01-15"], Dates(schedule).Take(4));
        Assert.Equal([false, false, true, true], schedule.Visits.Take(4).Select(v => v.AfterLocalRecurrence));
        Assert.Equal([3, 6, 3, 6], schedule.Visits.Take(4).Select(v => v.Month));
    }

    [Fact]
    public void Schedule_RecurrenceMidPlan_DropsLaterSurgeryVisitsAndRestartsFromTheRecurrence()
    {
        var schedule = Default.Schedule(TumorGrade.G1, "extremity_upper", D("2020-01-15"), D("2021-03-01"));

        // Low plan: Jul 15 2020 and Jan 15 2021 kept; Jul 15 2021 dropped; high plan from Mar 1 2021.
        Assert.Equal(["2020-07-15", "2021-01-15", "2021-06-01", "2021-09-01", "2021-12-01"], Dates(schedule).Take(5));
        Assert.Equal(["clinical", "mri_primary"], schedule.Visits[0].Exams);
        Assert.Equal(["clinical", "chest_ct"], schedule.Visits[2].Exams); // high, month 3
        Assert.Equal(["clinical", "chest_ct", "mri_primary"], schedule.Visits[3].Exams); // high, month 6
    }

    [Fact]
    public void Schedule_RetroperitonealRecurrence_RestartsOnTheRetroperitonealPlan()
    {
        var schedule = Default.Schedule(TumorGrade.G3, "retroperitoneum", D("2020-01-15"), D("2020-06-01"));

        Assert.Equal("retroperitoneum", schedule.ProfileAfterLocalRecurrence);
        Assert.Equal(["2020-05-15", "2020-10-01", "2021-02-01"], Dates(schedule).Take(3));
        Assert.All(schedule.Visits, v => Assert.Equal("retroperitoneum", v.Profile));
    }

    [Fact]
    public void Schedule_RecurrenceOnTheSurgeryDate_IsAcceptedAndRestartsAtOnce()
    {
        var schedule = Default.Schedule(TumorGrade.G3, "trunk", D("2020-01-15"), D("2020-01-15"));
        Assert.All(schedule.Visits, v => Assert.True(v.AfterLocalRecurrence));
        Assert.Equal(D("2020-04-15"), schedule.Visits[0].Date);
    }

    [Fact]
    public void Schedule_RecurrenceBeforeSurgery_IsAOneLineUserError()
    {
        var e = Assert.Throws<DataInputException>(() => Default.Schedule(TumorGrade.G3, "trunk", D("2020-01-15"), D("2019-12-31")));
        Assert.Equal("local recurrence date 2019-12-31 is before the surgery date 2020-01-15.", e.Message);
    }

    [Fact]
    public void Schedule_UnknownSite_IsAOneLineUserError()
    {
        var e = Assert.Throws<DataInputException>(() => Default.Schedule(TumorGrade.G3, "lung", D("2020-01-15")));
        Assert.StartsWith("site: unknown site 'lung'; expected one of ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_Patient_NamesThePatientInErrors()
    {
        var patient = new SurveillancePatient("P7", TumorGrade.G2, "trunk", D("2020-01-15"), D("2019-01-01"), null, null, D("2020-02-01"));
        var e = Assert.Throws<DataInputException>(() => Default.Schedule(patient));
        Assert.StartsWith("patient P7: local recurrence date 2019-01-01", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_AnySurgeryAndRecurrenceDates_VisitsStrictlyIncreaseAndKeepTheSurgeryPlanUpToTheRecurrence()
    {
        // Invariance over two years of surgery dates (every month end among them) and recurrence offsets: the dates
        // always increase, and the visits kept before a recurrence are exactly the plan without one, cut at that date.
        foreach (var site in new[] { "trunk", "retroperitoneum" })
        {
            for (var surgery = D("2023-01-01"); surgery <= D("2024-12-31"); surgery = surgery.AddDays(1))
            {
                var plain = Default.Schedule(TumorGrade.G1, site, surgery);
                foreach (var offset in new[] { 0, 45, 200, 1000, 4000 })
                {
                    var recurrence = surgery.AddDays(offset);
                    var schedule = Default.Schedule(TumorGrade.G1, site, surgery, recurrence);
                    for (var i = 1; i < schedule.Visits.Count; i++)
                    {
                        Assert.True(schedule.Visits[i - 1].Date < schedule.Visits[i].Date);
                    }

                    var kept = schedule.Visits.Where(v => !v.AfterLocalRecurrence).Select(v => v.Date);
                    Assert.Equal(plain.Visits.Where(v => v.Date <= recurrence).Select(v => v.Date), kept);
                    Assert.All(schedule.Visits.Where(v => v.AfterLocalRecurrence), v => Assert.Equal(recurrence.AddMonths(v.Month), v.Date));
                }
            }
        }
    }

    [Fact]
    public void Schedule_DateTooFarAhead_IsAUserErrorNotAnOverflow()
    {
        // 9999-12-31 + 3 months does not exist in DateOnly; a typo in the year must still be a one-line input error.
        var e = Assert.Throws<DataInputException>(() => Default.Schedule(TumorGrade.G3, "trunk", D("9999-12-31")));
        Assert.Contains("cannot be planned from", e.Message, StringComparison.Ordinal);
    }
}
