namespace Sarc.Registry.Domain;

/// <summary>The person, pseudonymously: <paramref name="Id"/> is the center's pseudonym, never a name or record number.</summary>
public sealed record Patient(string Id, string Center, Sex Sex, DateOnly BirthDate);
