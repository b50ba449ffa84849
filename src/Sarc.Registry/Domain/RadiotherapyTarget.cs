namespace Sarc.Registry.Domain;

/// <summary>What a radiotherapy course treated. Codes <c>primary_site</c>, <c>metastasis</c>.</summary>
public enum RadiotherapyTarget
{
    PrimarySite,
    Metastasis,
}
