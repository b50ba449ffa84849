namespace Sarc.Registry.Domain;

/// <summary>
/// Where an operation was done or a metastasis was found. Codes <c>primary_site</c>, <c>lung</c>, <c>liver</c>,
/// <c>bone</c>, <c>soft_tissue</c>, <c>other</c>.
/// </summary>
public enum TargetSite
{
    PrimarySite,
    Lung,
    Liver,
    Bone,
    SoftTissue,
    Other,
}
