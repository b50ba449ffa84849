namespace Sarc.Surveillance;

/// <summary>
/// The follow-up worklist on a date: the due list (<see cref="Due"/>, patients due or overdue, lost patients left
/// out) and the patients lost to follow-up (<see cref="Lost"/>, by last contact then id).
/// </summary>
public sealed record Worklist(DateOnly AsOf, int WithinDays, IReadOnlyList<DueVisit> Due, IReadOnlyList<LostPatient> Lost);
