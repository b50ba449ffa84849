namespace Sarc.Registry.Domain;

/// <summary>Why a systemic therapy line was given. Codes <c>neoadjuvant</c>, <c>adjuvant</c>, <c>perioperative</c>, <c>palliative</c>.</summary>
public enum SystemicIntent
{
    /// <summary>Before the primary surgery (code <c>neoadjuvant</c>).</summary>
    Neoadjuvant,
    /// <summary>After the primary surgery (code <c>adjuvant</c>).</summary>
    Adjuvant,
    /// <summary>Before and after the primary surgery (code <c>perioperative</c>).</summary>
    Perioperative,
    /// <summary>For advanced disease (code <c>palliative</c>).</summary>
    Palliative,
}
