namespace Sarc.Registry.Domain;

/// <summary>
/// Where an operation was done or a metastasis was found. Codes <c>primary_site</c>, <c>lung</c>, <c>liver</c>,
/// <c>bone</c>, <c>soft_tissue</c>, <c>other</c>.
/// </summary>
public enum TargetSite
{
    /// <summary>The site of the primary tumor (code <c>primary_site</c>).</summary>
    PrimarySite,
    /// <summary>Lung (code <c>lung</c>), the commonest site of sarcoma metastasis.</summary>
    Lung,
    /// <summary>Liver (code <c>liver</c>).</summary>
    Liver,
    /// <summary>Bone (code <c>bone</c>).</summary>
    Bone,
    /// <summary>Soft tissue away from the primary site (code <c>soft_tissue</c>).</summary>
    SoftTissue,
    /// <summary>Any other site (code <c>other</c>).</summary>
    Other,
}
