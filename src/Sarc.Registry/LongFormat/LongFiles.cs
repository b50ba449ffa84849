namespace Sarc.Registry.LongFormat;

/// <summary>
/// The six files of the long format, in export order: one row per patient in <c>patients</c>, any number of rows per
/// patient in the others. A folder holds them as <c>NAME.csv</c>; a workbook as sheets named <c>NAME</c>.
/// </summary>
public static class LongFiles
{
    /// <summary>One row per patient: identity, tumor and comorbidity (<c>patients.csv</c>).</summary>
    public static LongFile Patients { get; } = new("patients",
        ["patient_id", "center", "sex", "birth_date", "diagnosis_date", "histology", "site", "depth", "size_cm", "grade",
         "metastatic_at_diagnosis", "smoking", "bmi", "charlson"],
        "patient_id", "center", "sex", "birth_date", "diagnosis_date", "histology", "site", "grade");

    /// <summary>Every operation: date, kind, target, margin and complications (<c>surgeries.csv</c>); exactly one <c>primary</c> per patient.</summary>
    public static LongFile Surgeries { get; } = new("surgeries",
        ["patient_id", "date", "kind", "target", "margin", "necrosis_pct", "lesions", "max_lesion_cm", "clavien_dindo", "wound_complication"],
        "patient_id", "date", "kind");

    /// <summary>Radiotherapy courses: setting, target, dose in Gy, fractions, dates, late toxicity (<c>radiotherapy.csv</c>).</summary>
    public static LongFile Radiotherapy { get; } = new("radiotherapy",
        ["patient_id", "setting", "target", "dose_gy", "fractions", "start_date", "end_date", "late_toxicity_grade"],
        "patient_id", "dose_gy", "fractions");

    /// <summary>Systemic therapy lines: regimen, intent and dates (<c>systemic.csv</c>).</summary>
    public static LongFile Systemic { get; } = new("systemic",
        ["patient_id", "regimen", "intent", "start_date", "end_date"],
        "patient_id", "start_date");

    /// <summary>Dated outcomes: local recurrences, distant metastases and the death with its cause (<c>events.csv</c>).</summary>
    public static LongFile Events { get; } = new("events",
        ["patient_id", "date", "kind", "site", "lesions", "max_lesion_cm", "cause"],
        "patient_id", "date", "kind");

    /// <summary>Follow-up contacts: date and status (<c>followup.csv</c>).</summary>
    public static LongFile FollowUp { get; } = new("followup",
        ["patient_id", "date", "status"],
        "patient_id", "date");

    /// <summary>All six, in export order.</summary>
    public static IReadOnlyList<LongFile> All { get; } = [Patients, Surgeries, Radiotherapy, Systemic, Events, FollowUp];

    /// <summary>The file named <paramref name="name"/> (exact), or null.</summary>
    public static LongFile? Named(string name) => All.FirstOrDefault(f => f.Name == name);
}
