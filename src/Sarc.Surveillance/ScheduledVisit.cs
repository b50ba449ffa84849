namespace Sarc.Surveillance;

/// <summary>A visit on the calendar.</summary>
/// <param name="Date">The visit date: <see cref="Month"/> calendar months after the plan's start, clamped to month end.</param>
/// <param name="Profile">The profile the visit belongs to.</param>
/// <param name="Month">Calendar months after the plan's start (the surgery, or the local recurrence when
/// <paramref name="AfterLocalRecurrence"/>).</param>
/// <param name="AfterLocalRecurrence">True for visits of the plan restarted at a local recurrence.</param>
/// <param name="Exams">Exam names in the rule file's order.</param>
public sealed record ScheduledVisit(DateOnly Date, string Profile, int Month, bool AfterLocalRecurrence, IReadOnlyList<string> Exams);
