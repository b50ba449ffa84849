using Sarc.Registry.Domain;
using Sarc.Data;
using Sarc.Surveillance.Rules;

namespace Sarc.Surveillance;

/// <summary>
/// Turns a rule set into dates: a patient's schedule, the list of patients due or overdue on a date, and the visits in
/// a date window for a calendar. Stateless apart from its rules; "today" is always passed in, never read from the clock.
/// </summary>
/// <remarks>
/// Month arithmetic: visit month <c>m</c> of a plan is <c>start.AddMonths(m)</c>, always from the plan's original start
/// date, so a Jan 31 surgery gives Feb 28 (29 in leap years) at month 1 and Mar 31 at month 2; adding one month at a time
/// would drift to the 28th. Local recurrence: the surgery plan's visits on or before the recurrence date are kept, then
/// the profile's <c>after_local_recurrence</c> plan starts at the recurrence date.
/// </remarks>
public sealed class SurveillancePlanner
{
    /// <summary>The look-ahead of the due list unless the caller gives another one (days).</summary>
    public const int DefaultWithinDays = 30;

    /// <summary>A planner on the given rules.</summary>
    public SurveillancePlanner(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
    }

    /// <summary>The rules the planner applies.</summary>
    public RuleSet Rules { get; }

    /// <summary>The whole plan of a patient with this tumour, from surgery, restarted at a local recurrence if given.</summary>
    /// <exception cref="DataInputException">An unknown site, or a local recurrence before the surgery.</exception>
    public SurveillanceSchedule Schedule(TumorGrade grade, string site, DateOnly surgeryDate, DateOnly? localRecurrenceDate = null) =>
        Schedule(grade, site, surgeryDate, localRecurrenceDate, null);

    /// <summary>The whole plan of a registry patient (distant metastasis and death do not change it).</summary>
    /// <exception cref="DataInputException">As the other overload; the message names the patient.</exception>
    public SurveillanceSchedule Schedule(SurveillancePatient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return Schedule(patient.Grade, patient.Site, patient.SurgeryDate, patient.LocalRecurrenceDate, patient.PatientId);
    }

    /// <summary>
    /// The due list on <paramref name="asOf"/>: for each patient alive and free of distant metastasis on that date, the
    /// first scheduled visit after the last follow-up date, listed when it falls on or before
    /// <paramref name="asOf"/> + <paramref name="withinDays"/>; <see cref="DueStatus.Overdue"/> when it is before
    /// <paramref name="asOf"/>. Events dated after <paramref name="asOf"/> are ignored, so a past as-of date gives the
    /// list as it was then. Patients past the end of their plan are not listed. Sorted by visit date, then patient id.
    /// </summary>
    /// <exception cref="DataInputException">A negative <paramref name="withinDays"/>; a patient with an unknown site, or
    /// a local recurrence or last follow-up before surgery (the message names the patient).</exception>
    public IReadOnlyList<DueVisit> DueList(IEnumerable<SurveillancePatient> patients, DateOnly asOf, int withinDays = DefaultWithinDays)
    {
        ArgumentNullException.ThrowIfNull(patients);
        if (withinDays < 0)
        {
            throw new DataInputException($"within-days: {withinDays} must be 0 or more.");
        }

        var horizon = asOf.Year >= PlanningLimitYear ? asOf : asOf.AddDays(withinDays);
        var due = new List<DueVisit>();
        foreach (var patient in patients)
        {
            // A surgery in a year no plan can start from (a typo stored before imports refused it) leaves that patient
            // out, and everyone else is listed; a surgery after as-of has nothing due yet.
            if (!CanPlan(patient.SurgeryDate))
            {
                continue;
            }

            CheckDates(patient);
            if (patient.SurgeryDate > asOf || HasHappened(patient.DeathDate, asOf) || HasHappened(patient.DistantMetastasisDate, asOf) || IsLost(patient, asOf))
            {
                continue;
            }

            var recurrence = HasHappened(patient.LocalRecurrenceDate, asOf) && CanPlan(patient.LocalRecurrenceDate!.Value) ? patient.LocalRecurrenceDate : null;
            var (profile, restart) = Profiles(patient.Grade, patient.Site, patient.SurgeryDate, recurrence, patient.PatientId);
            if (NextVisitAfter(profile, restart, patient.SurgeryDate, recurrence, patient.LastFollowUpDate) is not { } next
                || next.Date > horizon)
            {
                continue;
            }

            var status = next.Date < asOf ? DueStatus.Overdue : DueStatus.Due;
            due.Add(new DueVisit(patient.PatientId, next.Date, status, next.Visit.Exams, next.Profile.Name,
                patient.LastFollowUpDate, patient.LastContactStatus, patient.Center));
        }

        due.Sort(static (a, b) =>
        {
            var byDate = a.NextVisit.CompareTo(b.NextVisit);
            return byDate != 0 ? byDate : string.CompareOrdinal(a.PatientId, b.PatientId);
        });
        return due.AsReadOnly();
    }

    /// <summary>
    /// The worklist on <paramref name="asOf"/>: the <see cref="DueList"/> and, apart, the patients alive on that date
    /// whose latest follow-up contact (on or before it) was recorded as lost to follow-up — whatever their plan says,
    /// they will not come to a visit. With <paramref name="center"/> only that center's patients (exact match).
    /// </summary>
    /// <exception cref="DataInputException">As <see cref="DueList"/>.</exception>
    public Worklist Worklist(IEnumerable<SurveillancePatient> patients, DateOnly asOf, int withinDays = DefaultWithinDays, string? center = null)
    {
        ArgumentNullException.ThrowIfNull(patients);
        var selected = center is null ? patients.ToList() : patients.Where(p => string.Equals(p.Center, center, StringComparison.Ordinal)).ToList();
        var lost = new List<LostPatient>();
        foreach (var patient in selected)
        {
            if (IsLost(patient, asOf) && !HasHappened(patient.DeathDate, asOf))
            {
                lost.Add(new LostPatient(patient.PatientId, patient.LastFollowUpDate, patient.Center));
            }
        }
        lost.Sort(static (a, b) =>
        {
            var byDate = a.LastContact.CompareTo(b.LastContact);
            return byDate != 0 ? byDate : string.CompareOrdinal(a.PatientId, b.PatientId);
        });
        return new Worklist(asOf, withinDays, DueList(selected, asOf, withinDays), lost.AsReadOnly());
    }

    /// <summary>
    /// The visits still to come (after each patient's last follow-up) dated from <paramref name="from"/> to
    /// <paramref name="to"/> inclusive, for patients with no recorded distant metastasis or death; a recorded local
    /// recurrence restarts the plan. Sorted by date, then patient id.
    /// </summary>
    /// <exception cref="DataInputException"><paramref name="to"/> before <paramref name="from"/>; a patient as in <see cref="DueList"/>.</exception>
    public IReadOnlyList<PatientVisit> VisitsBetween(IEnumerable<SurveillancePatient> patients, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(patients);
        if (to < from)
        {
            throw new DataInputException($"the window ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        }

        var visits = new List<PatientVisit>();
        foreach (var patient in patients)
        {
            if (!CanPlan(patient.SurgeryDate) || patient.SurgeryDate > to || (patient.LocalRecurrenceDate is { } lr && !CanPlan(lr)))
            {
                continue;
            }

            CheckDates(patient);
            if (patient.DeathDate is not null || patient.DistantMetastasisDate is not null || patient.LastContactStatus == FollowUpStatus.Lost)
            {
                continue;
            }

            var schedule = Schedule(patient.Grade, patient.Site, patient.SurgeryDate, patient.LocalRecurrenceDate, patient.PatientId);
            foreach (var visit in schedule.Visits)
            {
                if (visit.Date > patient.LastFollowUpDate && visit.Date >= from && visit.Date <= to)
                {
                    visits.Add(new PatientVisit(patient.PatientId, visit));
                }
            }
        }

        visits.Sort(static (a, b) =>
        {
            var byDate = a.Visit.Date.CompareTo(b.Visit.Date);
            return byDate != 0 ? byDate : string.CompareOrdinal(a.PatientId, b.PatientId);
        });
        return visits.AsReadOnly();
    }

    private SurveillanceSchedule Schedule(TumorGrade grade, string site, DateOnly surgeryDate, DateOnly? localRecurrenceDate, string? patientId)
    {
        var (profile, restart) = Profiles(grade, site, surgeryDate, localRecurrenceDate, patientId);
        var visits = new List<ScheduledVisit>(profile.Visits.Count + (restart?.Visits.Count ?? 0));
        foreach (var planned in profile.Visits)
        {
            var date = surgeryDate.AddMonths(planned.Month);
            if (localRecurrenceDate is { } lr && date > lr)
            {
                break;
            }

            visits.Add(new ScheduledVisit(date, profile.Name, planned.Month, false, planned.Exams));
        }

        if (restart is not null && localRecurrenceDate is { } recurrence)
        {
            foreach (var planned in restart.Visits)
            {
                visits.Add(new ScheduledVisit(recurrence.AddMonths(planned.Month), restart.Name, planned.Month, true, planned.Exams));
            }
        }

        return new SurveillanceSchedule(profile.Name, restart?.Name, surgeryDate, localRecurrenceDate, visits.AsReadOnly());
    }

    private (SurveillanceProfile Profile, SurveillanceProfile? Restart) Profiles(
        TumorGrade grade, string site, DateOnly surgeryDate, DateOnly? localRecurrenceDate, string? patientId)
    {
        if (!Enum.IsDefined(grade))
        {
            throw new ArgumentOutOfRangeException(nameof(grade), grade, "grade must be G1, G2, G3 or GX.");
        }

        // Rule ranges stop at month 9999 (833 years), so any start before 9000 has room for its whole plan in DateOnly.
        if (!CanPlan(surgeryDate) || (localRecurrenceDate is { } far && !CanPlan(far)))
        {
            throw new DataInputException($"{Prefix(patientId)}a surgery or recurrence date in year 9000 or later cannot be planned from.");
        }

        if (localRecurrenceDate is { } lr && lr < surgeryDate)
        {
            throw new DataInputException($"{Prefix(patientId)}local recurrence date {lr:yyyy-MM-dd} is before the surgery date {surgeryDate:yyyy-MM-dd}.");
        }

        // The message (and its string) is built only on failure: the due list runs this for every patient.
        var profile = Rules.TryNormalizeSite(site, out var normalized)
            ? Rules.SelectProfile(grade, normalized)
            : throw new DataInputException(Rules.UnknownSiteMessage(site, Prefix(patientId) + "site"));
        return (profile, localRecurrenceDate is null ? null : Rules.AfterLocalRecurrence(profile));
    }

    /*
     * Next-visit kernel for the due list.
     * Inputs: the surgery profile and, when a local recurrence is given, the restart profile; the surgery and
     * recurrence dates; the last follow-up date. Profile visits are in increasing month order (the rule reader builds
     * them so), and AddMonths is strictly increasing in the month, so the first date past `after` is the answer.
     * Output: that visit with its date and profile, or null when the plan has ended. Allocates nothing per patient.
     */
    private static NextVisit? NextVisitAfter(
        SurveillanceProfile profile, SurveillanceProfile? restart, DateOnly surgeryDate, DateOnly? localRecurrenceDate, DateOnly after)
    {
        var visits = profile.Visits;
        for (var i = 0; i < visits.Count; i++)
        {
            var date = surgeryDate.AddMonths(visits[i].Month);
            if (localRecurrenceDate is { } lr && date > lr)
            {
                break;
            }

            if (date > after)
            {
                return new NextVisit(date, profile, visits[i]);
            }
        }

        if (restart is not null && localRecurrenceDate is { } recurrence)
        {
            var restartVisits = restart.Visits;
            for (var i = 0; i < restartVisits.Count; i++)
            {
                var date = recurrence.AddMonths(restartVisits[i].Month);
                if (date > after)
                {
                    return new NextVisit(date, restart, restartVisits[i]);
                }
            }
        }

        return null;
    }

    // Checked whatever the as-of date, so a wrong registry row is reported the first time it is listed, not later.
    private static void CheckDates(SurveillancePatient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        if (patient.LocalRecurrenceDate is { } lr && lr < patient.SurgeryDate)
        {
            throw new DataInputException($"{Prefix(patient.PatientId)}local recurrence date {lr:yyyy-MM-dd} is before the surgery date {patient.SurgeryDate:yyyy-MM-dd}.");
        }

        if (patient.LastFollowUpDate < patient.SurgeryDate)
        {
            throw new DataInputException($"{Prefix(patient.PatientId)}last follow-up date {patient.LastFollowUpDate:yyyy-MM-dd} is before the surgery date {patient.SurgeryDate:yyyy-MM-dd}.");
        }
    }

    private static bool HasHappened(DateOnly? date, DateOnly asOf) => date is { } d && d <= asOf;

    /// <summary>Plans start before this year: rule ranges stop at month 9999 (833 years), so the whole plan fits in DateOnly.</summary>
    private const int PlanningLimitYear = 9000;

    /// <summary>
    /// Whether a plan can start on <paramref name="date"/>. A date at or past <see cref="PlanningLimitYear"/> is a typo
    /// that got into the registry; the lists leave such a patient out rather than fail for everyone.
    /// </summary>
    private static bool CanPlan(DateOnly date) => date.Year < PlanningLimitYear;

    /// <summary>Whether the latest follow-up contact on or before <paramref name="asOf"/> says lost to follow-up.</summary>
    private static bool IsLost(SurveillancePatient patient, DateOnly asOf) =>
        patient.LastContactStatus == FollowUpStatus.Lost && patient.LastFollowUpDate <= asOf;

    private static string Prefix(string? patientId) => patientId is null ? string.Empty : $"patient {patientId}: ";

    private readonly record struct NextVisit(DateOnly Date, SurveillanceProfile Profile, PlannedVisit Visit);
}
