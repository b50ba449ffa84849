namespace Sarc.Registry.Domain;

/// <summary>Why a systemic therapy line was given. Codes <c>neoadjuvant</c>, <c>adjuvant</c>, <c>perioperative</c>, <c>palliative</c>.</summary>
public enum SystemicIntent
{
    Neoadjuvant,
    Adjuvant,
    Perioperative,
    Palliative,
}
