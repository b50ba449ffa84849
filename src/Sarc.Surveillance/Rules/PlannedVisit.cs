namespace Sarc.Surveillance.Rules;

/// <summary>A visit of a profile before it is put on a calendar: its month after the plan's start and its exams.</summary>
/// <param name="Month">Calendar months after the plan's start date (surgery or local recurrence), &gt; 0.</param>
/// <param name="Exams">Exam names in the order the rule file declares them; never empty.</param>
public sealed record PlannedVisit(int Month, IReadOnlyList<string> Exams);
