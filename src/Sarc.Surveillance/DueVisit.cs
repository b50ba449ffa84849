namespace Sarc.Surveillance;

/// <summary>One line of the due list: a patient and their next visit.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="NextVisit">Date of the first scheduled visit after the last follow-up.</param>
/// <param name="Status"><see cref="DueStatus.Overdue"/> when <paramref name="NextVisit"/> is before the as-of date.</param>
/// <param name="Exams">The exams of that visit, in the rule file's order.</param>
/// <param name="Profile">The profile of that visit (after a local recurrence, the restarted one).</param>
public sealed record DueVisit(string PatientId, DateOnly NextVisit, DueStatus Status, IReadOnlyList<string> Exams, string Profile);
