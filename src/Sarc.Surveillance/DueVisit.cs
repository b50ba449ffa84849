using Sarc.Registry.Domain;

namespace Sarc.Surveillance;

/// <summary>One line of the due list: a patient and their next visit.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="NextVisit">Date of the first scheduled visit after the last contact.</param>
/// <param name="Status"><see cref="DueStatus.Overdue"/> when <paramref name="NextVisit"/> is before the as-of date.</param>
/// <param name="Exams">The exams of that visit, in the rule file's order.</param>
/// <param name="Profile">The profile of that visit (after a local recurrence, the restarted one).</param>
/// <param name="LastContact">The patient's last contact (visits on or before it count as done).</param>
/// <param name="LastContactStatus">The status recorded at the latest follow-up contact, when one was recorded.</param>
/// <param name="Center">The patient's center, when known.</param>
public sealed record DueVisit(
    string PatientId,
    DateOnly NextVisit,
    DueStatus Status,
    IReadOnlyList<string> Exams,
    string Profile,
    DateOnly LastContact = default,
    FollowUpStatus? LastContactStatus = null,
    string? Center = null);
