namespace Sarc.Registry.Domain;

/// <summary>
/// The primary tumor at diagnosis. <paramref name="Histology"/> is an ICD-O-3 morphology code such as <c>8890/3</c>;
/// <paramref name="SizeCm"/> is the largest diameter in cm (null = unknown). AJCC 8th T category and stage group are
/// derived (<see cref="AjccStaging"/>), never stored, so they cannot disagree with size, grade and site.
/// </summary>
public sealed record PrimaryTumor(
    DateOnly DiagnosisDate,
    string Histology,
    TumorSite Site,
    TumorDepth? Depth,
    double? SizeCm,
    FnclccGrade Grade)
{
    /// <summary>The name of <see cref="Histology"/> from <see cref="HistologyNames"/>, or null when the code is not in the table.</summary>
    public string? HistologyName => HistologyNames.NameOf(Histology);

    /// <summary>AJCC 8th T category (<c>T1</c>..<c>T4</c>, <c>TX</c>), or null where the site's T needs more than size.</summary>
    public string? AjccT => AjccStaging.TCategory(Site, SizeCm);

    /// <summary>AJCC 8th stage group at diagnosis assuming N0 M0, or null where it cannot be derived.</summary>
    public string? AjccStage => AjccStaging.StageGroup(Site, SizeCm, Grade);
}
