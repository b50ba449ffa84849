namespace Sarc.Registry.Domain;

/// <summary>Cause of death. Template codes <c>sarcoma</c>, <c>other</c>, <c>unknown</c>.</summary>
public enum DeathCause
{
    Sarcoma,
    Other,
    Unknown,
}
