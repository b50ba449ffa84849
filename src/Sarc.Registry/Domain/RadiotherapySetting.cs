namespace Sarc.Registry.Domain;

/// <summary>Intent and timing of a radiotherapy course. Codes <c>neoadjuvant</c>, <c>adjuvant</c>, <c>definitive</c>, <c>palliative</c>.</summary>
public enum RadiotherapySetting
{
    /// <summary>Before the primary surgery (code <c>neoadjuvant</c>).</summary>
    Neoadjuvant,
    /// <summary>After the primary surgery (code <c>adjuvant</c>).</summary>
    Adjuvant,
    /// <summary>Curative radiotherapy without surgery of the target (code <c>definitive</c>).</summary>
    Definitive,
    /// <summary>For symptom control (code <c>palliative</c>).</summary>
    Palliative,
}
