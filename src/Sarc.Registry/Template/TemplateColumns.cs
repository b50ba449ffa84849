namespace Sarc.Registry.Template;

/// <summary>
/// The flat import/export template: one row per patient, these columns in this order on export (any order on import).
/// The positions are the indices used by <see cref="TemplateCells"/>.
/// </summary>
public static class TemplateColumns
{
    /// <summary>
    /// The 0-based position of each column in export order; the column names are <see cref="Names"/> at the same
    /// position (<c>patient_id</c>, ..., <c>death_cause</c>). Dates are ISO <c>YYYY-MM-DD</c>, sizes in cm, doses in Gy.
    /// </summary>
    public const int PatientId = 0, Center = 1, Sex = 2, BirthDate = 3, DiagnosisDate = 4, Histology = 5, Site = 6,
        Depth = 7, SizeCm = 8, Grade = 9, SurgeryDate = 10, Margin = 11, LastFollowUpDate = 12, Smoking = 13, Bmi = 14,
        Charlson = 15, RtSetting = 16, RtDoseGy = 17, RtFractions = 18, RtEndDate = 19, NecrosisPct = 20, LrDate = 21,
        DmDate = 22, DeathDate = 23, DeathCause = 24;

    /// <summary>Number of template columns.</summary>
    public const int Count = 25;

    private static readonly string[] NamesInOrder =
    [
        "patient_id", "center", "sex", "birth_date", "diagnosis_date", "histology", "site", "depth", "size_cm", "grade",
        "surgery_date", "margin", "last_followup_date", "smoking", "bmi", "charlson", "rt_setting", "rt_dose_gy",
        "rt_fractions", "rt_end_date", "necrosis_pct", "lr_date", "dm_date", "death_date", "death_cause",
    ];

    private static readonly bool[] RequiredFlags = BuildRequired();

    /// <summary>Column names in export order.</summary>
    public static IReadOnlyList<string> Names => NamesInOrder;

    /// <summary>Whether column <paramref name="index"/> must be present with a value in every row.</summary>
    public static bool IsRequired(int index) => RequiredFlags[index];

    /// <summary>The position of <paramref name="name"/> (exact, case-sensitive), or -1 when it is not a template column.</summary>
    public static int IndexOf(string name) => Array.IndexOf(NamesInOrder, name);

    private static bool[] BuildRequired()
    {
        var flags = new bool[Count];
        foreach (var i in new[] { PatientId, Center, Sex, BirthDate, DiagnosisDate, Histology, Site, Grade, SurgeryDate, Margin, LastFollowUpDate })
        {
            flags[i] = true;
        }
        return flags;
    }
}
