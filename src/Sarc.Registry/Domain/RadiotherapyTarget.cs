namespace Sarc.Registry.Domain;

/// <summary>What a radiotherapy course treated. Codes <c>primary_site</c>, <c>metastasis</c>.</summary>
public enum RadiotherapyTarget
{
    /// <summary>The primary tumor or its bed (code <c>primary_site</c>); such a course can be the primary course.</summary>
    PrimarySite,
    /// <summary>A metastasis (code <c>metastasis</c>); never the primary course.</summary>
    Metastasis,
}
