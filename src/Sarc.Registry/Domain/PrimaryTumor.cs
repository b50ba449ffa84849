namespace Sarc.Registry.Domain;

/// <summary>
/// The primary tumor at diagnosis. <paramref name="Histology"/> is an ICD-O-3 morphology code such as <c>8890/3</c>;
/// <paramref name="SizeCm"/> is the largest diameter in cm (null = unknown); <paramref name="MetastaticAtDiagnosis"/> is
/// what the center recorded (null = not recorded; <see cref="PatientRecord.MetastaticAtDiagnosis"/> also counts a
/// distant metastasis dated on or before the primary surgery). AJCC 8th T category (here) and stage group
/// (<see cref="PatientRecord.AjccStage"/>, which needs M) are derived (<see cref="AjccStaging"/>), never stored, so they
/// cannot disagree with size, grade and site.
/// </summary>
public sealed record PrimaryTumor(
    DateOnly DiagnosisDate,
    string Histology,
    TumorSite Site,
    TumorDepth? Depth,
    double? SizeCm,
    FnclccGrade Grade,
    bool? MetastaticAtDiagnosis = null)
{
    /// <summary>The name of <see cref="Histology"/> from <see cref="HistologyNames"/>, or null when the code is not in the table.</summary>
    public string? HistologyName => HistologyNames.NameOf(Histology);

    /// <summary>AJCC 8th T category (<c>T1</c>..<c>T4</c>, <c>TX</c>), or null where the site's T needs more than size.</summary>
    public string? AjccT => AjccStaging.TCategory(Site, SizeCm);
}
