namespace Sarc.Registry.Domain;

/// <summary>
/// The person, pseudonymously: <paramref name="Id"/> is the center's pseudonym, never a name or record number.
/// <paramref name="LastFollowUp"/> is the last date the patient was known alive (or the death date).
/// </summary>
public sealed record Patient(string Id, string Center, Sex Sex, DateOnly BirthDate, DateOnly LastFollowUp);
