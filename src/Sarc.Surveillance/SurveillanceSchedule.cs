namespace Sarc.Surveillance;

/// <summary>A patient's whole follow-up plan, visits in date order.</summary>
/// <param name="Profile">The profile followed from surgery.</param>
/// <param name="ProfileAfterLocalRecurrence">The profile the plan restarted on, or null without a local recurrence.</param>
/// <param name="SurgeryDate">Start of the plan.</param>
/// <param name="LocalRecurrenceDate">Where the plan restarted, or null.</param>
/// <param name="Visits">The visits of the surgery plan on or before the recurrence date, then those of the restarted plan.</param>
public sealed record SurveillanceSchedule(
    string Profile,
    string? ProfileAfterLocalRecurrence,
    DateOnly SurgeryDate,
    DateOnly? LocalRecurrenceDate,
    IReadOnlyList<ScheduledVisit> Visits);
