namespace Sarc.Registry.Domain;

/// <summary>Intent and timing of a radiotherapy course. Codes <c>neoadjuvant</c>, <c>adjuvant</c>, <c>definitive</c>, <c>palliative</c>.</summary>
public enum RadiotherapySetting
{
    Neoadjuvant,
    Adjuvant,
    Definitive,
    Palliative,
}
