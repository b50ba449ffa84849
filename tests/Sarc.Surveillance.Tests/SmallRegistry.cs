namespace Sarc.Surveillance.Tests;

/// <summary>
/// A registry of thirteen patients written for the due-list and calendar tests, each there for one rule; the comment on
/// each says which visit is next on the as-of date 2025-06-15 (look-ahead 30 days, so up to 2025-07-15).
/// </summary>
internal static class SmallRegistry
{
    public static readonly DateOnly AsOf = D("2025-06-15");

    public static readonly SurveillancePatient[] Patients =
    [
        // High grade, seen at month 12; month 15 (2025-04-10) was missed: overdue.
        new("P01", TumorGrade.G3, "trunk", D("2024-01-10"), null, null, null, D("2025-01-10")),
        // High grade, month 15 on 2025-06-20: due.
        new("P02", TumorGrade.G3, "extremity_lower", D("2024-03-20"), null, null, null, D("2025-03-20")),
        // Low grade, seen at month 18; month 24 on 2025-07-01 with chest CT (divisible by 12): due.
        new("P03", TumorGrade.G1, "trunk", D("2023-07-01"), null, null, null, D("2025-01-01")),
        // Month 15 on 2025-08-01 is past the look-ahead: not listed.
        new("P04", TumorGrade.G2, "trunk", D("2024-02-01"), null, null, null, D("2025-05-01")),
        // Distant metastasis before as-of: followed by the oncologist, not listed although a visit is overdue.
        new("P05", TumorGrade.G3, "trunk", D("2024-01-10"), null, D("2025-02-01"), null, D("2025-02-01")),
        // Dead: not listed.
        new("P06", TumorGrade.G3, "trunk", D("2024-01-10"), null, null, D("2025-03-01"), D("2025-03-01")),
        // Local recurrence 2025-03-01 restarts on high: LR + 3 months = 2025-06-01, overdue (without the restart the
        // next visit would have been month 42, 2025-07-15).
        new("P07", TumorGrade.G2, "extremity_upper", D("2022-01-15"), D("2025-03-01"), null, null, D("2025-03-01")),
        // Retroperitoneal, not seen since surgery; month 4 (2025-03-15) overdue with CT abdomen/pelvis.
        new("P08", TumorGrade.G1, "retroperitoneum", D("2024-11-15"), null, null, null, D("2024-11-15")),
        // Seen at month 120: the plan is over, not listed.
        new("P09", TumorGrade.G3, "trunk", D("2014-01-01"), null, null, null, D("2024-01-01")),
        // Distant metastasis recorded after the as-of date does not count yet: due 2025-06-20 (same day as P02). (The
        // registry would also move the last follow-up to the DM date; the planner does not require it, and a list
        // reproduced for a past as-of date can meet such rows.)
        new("P10", TumorGrade.G3, "trunk", D("2024-03-20"), null, D("2025-07-01"), null, D("2025-03-20")),
        // Visit exactly on the as-of date: due, not overdue.
        new("P11", TumorGrade.G3, "trunk", D("2024-03-15"), null, null, null, D("2025-03-15")),
        // Visit exactly on as-of + 30 days: listed.
        new("P12", TumorGrade.G3, "trunk", D("2024-04-15"), null, null, null, D("2025-04-15")),
        // Local recurrence dated after as-of is ignored: month 15 on 2025-06-25 is due (with it, the next visit
        // would be 2025-09-20).
        new("P13", TumorGrade.G3, "head_neck", D("2024-03-25"), D("2025-06-20"), null, null, D("2025-03-25")),
    ];

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");
}
