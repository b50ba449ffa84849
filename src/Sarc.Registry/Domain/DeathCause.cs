namespace Sarc.Registry.Domain;

/// <summary>Cause of death. Codes <c>sarcoma</c>, <c>treatment</c>, <c>other</c>, <c>unknown</c> (<see cref="Codes.RegistryCodes.DeathCause"/>).</summary>
public enum DeathCause
{
    /// <summary>Died of the sarcoma (code <c>sarcoma</c>).</summary>
    Sarcoma,
    /// <summary>Died of treatment toxicity or a complication of treatment (code <c>treatment</c>).</summary>
    Treatment,
    /// <summary>Died of another, known cause (code <c>other</c>).</summary>
    Other,
    /// <summary>Cause recorded as not known (code <c>unknown</c>); distinct from a cause left empty.</summary>
    Unknown,
}
