namespace Sarc.Registry.Domain;

/// <summary>Cause of death. Codes <c>sarcoma</c>, <c>treatment</c>, <c>other</c>, <c>unknown</c> (<see cref="Codes.RegistryCodes.DeathCause"/>).</summary>
public enum DeathCause
{
    Sarcoma,
    Treatment,
    Other,
    Unknown,
}
