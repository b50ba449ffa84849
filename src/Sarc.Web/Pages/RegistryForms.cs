using Sarc.Registry.Codes;
using Sarc.Registry.LongFormat;
using Sarc.Statistics.Radiotherapy;
using R = Sarc.Registry.Codes.RegistryCodes;

namespace Sarc.Web.Pages;

/// <summary>
/// The fields of the registry's forms, one per long-format column (the column is the control's name and id, so it is
/// written once, in <see cref="LongFiles"/>): the patient's own values and each list of entries, with the label, the
/// help text and the control each column gets. Choices come from <see cref="RegistryCodes"/>; which fields are required
/// from the long format. What a value may be is checked by the import's rules (<see cref="Sarc.Registry.Import.EntryForm"/>),
/// never here: the help only says it.
/// </summary>
public static class RegistryForms
{
    /// <summary>The patient's own values: every column of the <c>patients</c> file after <c>patient_id</c>.</summary>
    public static IReadOnlyList<FormField> PatientFields { get; } =
    [
        Field(LongFiles.Patients, "center", "Center", "The treating center's code; one of your centers.", FieldInput.Text),
        Field(LongFiles.Patients, "sex", "Sex", "", R.Sex),
        Field(LongFiles.Patients, "birth_date", "Birth date", "The full date of birth (investigators never see it).", FieldInput.Date),
        Field(LongFiles.Patients, "diagnosis_date", "Diagnosis date", "The date of the histological diagnosis; no treatment may come before it.", FieldInput.Date),
        Field(LongFiles.Patients, "histology", "Histology", "ICD-O-3 morphology code, e.g. 8890/3 (leiomyosarcoma) or 8850/3 (liposarcoma).", FieldInput.Text),
        Field(LongFiles.Patients, "site", "Site", "Where the primary tumour arose.", R.Site),
        Field(LongFiles.Patients, "depth", "Depth", "Relative to the superficial fascia.", R.Depth),
        Field(LongFiles.Patients, "size_cm", "Size (cm)", "The largest diameter of the primary tumour in cm, more than 0.", FieldInput.Number),
        Field(LongFiles.Patients, "grade", "FNCLCC grade", "The FNCLCC histological grade; X when it cannot be assessed.", R.Grade),
        Field(LongFiles.Patients, "metastatic_at_diagnosis", "Metastatic at diagnosis", "Distant metastasis already present at diagnosis (M1). Such a patient has no DFS or DMFS.", R.YesNo),
        Field(LongFiles.Patients, "smoking", "Smoking", "", R.Smoking),
        Field(LongFiles.Patients, "bmi", "BMI (kg/m²)", "Body-mass index at diagnosis, 10 to 80.", FieldInput.Number),
        Field(LongFiles.Patients, "charlson", "Charlson index", "Charlson comorbidity index, a whole number from 0 to 37.", FieldInput.Integer),
    ];

    /// <summary>Surgeries: the one primary surgery, re-excisions, resections of a recurrence, metastasectomies.</summary>
    public static EntryList Surgeries { get; } = new(LongFiles.Surgeries, "surgery", "Surgeries",
    [
        Field(LongFiles.Surgeries, "date", "Date", "The day of the operation.", FieldInput.Date),
        Field(LongFiles.Surgeries, "kind", "Kind", "Exactly one primary surgery per patient: the first resection of the tumour, the time origin of every endpoint.", R.SurgeryKind),
        Field(LongFiles.Surgeries, "target", "Target", "Where the operation was: the primary site, or the organ of a metastasis.", R.Target),
        Field(LongFiles.Surgeries, "margin", "Margin", "The resection margin.", R.Margin),
        Field(LongFiles.Surgeries, "necrosis_pct", "Necrosis (%)", "Percent necrosis of the specimen, 0 to 100 (after neoadjuvant treatment).", FieldInput.Number),
        Field(LongFiles.Surgeries, "lesions", "Lesions", "How many lesions were resected, at least 1 (metastasectomies).", FieldInput.Integer),
        Field(LongFiles.Surgeries, "max_lesion_cm", "Largest lesion (cm)", "The largest lesion resected, in cm, more than 0.", FieldInput.Number),
        Field(LongFiles.Surgeries, "clavien_dindo", "Clavien-Dindo", "The worst complication after the operation.", R.ClavienDindo),
        Field(LongFiles.Surgeries, "wound_complication", "Wound complication", "A major wound complication within 120 days.", R.YesNo),
    ]);

    /// <summary>Courses of external-beam radiotherapy.</summary>
    public static EntryList Radiotherapy { get; } = new(LongFiles.Radiotherapy, "radiotherapy course", "Radiotherapy",
    [
        Field(LongFiles.Radiotherapy, "setting", "Setting", "When the course was given relative to surgery, or instead of it.", R.RadiotherapySetting),
        Field(LongFiles.Radiotherapy, "target", "Target", "The primary site, or a metastasis.", R.RadiotherapyTarget),
        Field(LongFiles.Radiotherapy, "dose_gy", "Total dose (Gy)", "The total dose in Gy, more than 0.", FieldInput.Number),
        Field(LongFiles.Radiotherapy, "fractions", "Fractions", $"The number of fractions, at least 1. The record shows the EQD2 at α/β {Fractionation.SarcomaAlphaBeta:0.#} Gy.", FieldInput.Integer),
        Field(LongFiles.Radiotherapy, "start_date", "Start", "The first day of the course.", FieldInput.Date),
        Field(LongFiles.Radiotherapy, "end_date", "End", "The last day of the course; not before the start.", FieldInput.Date),
        Field(LongFiles.Radiotherapy, "late_toxicity_grade", "Late toxicity (CTCAE)", "The worst late toxicity, CTCAE grade 0 to 5.", FieldInput.Integer),
    ]);

    /// <summary>Lines of systemic therapy.</summary>
    public static EntryList Systemic { get; } = new(LongFiles.Systemic, "systemic therapy line", "Systemic therapy",
    [
        Field(LongFiles.Systemic, "regimen", "Regimen", "Free text, e.g. doxorubicin + ifosfamide.", FieldInput.Text),
        Field(LongFiles.Systemic, "intent", "Intent", "Perioperative, or one starting within 90 days of a metastasectomy, counts as systemic therapy with it.", R.SystemicIntent),
        Field(LongFiles.Systemic, "start_date", "Start", "The first day of the line.", FieldInput.Date),
        Field(LongFiles.Systemic, "end_date", "End", "The last day; empty while it goes on or when unknown.", FieldInput.Date),
    ]);

    /// <summary>Local recurrences, distant metastases and the death.</summary>
    public static EntryList Events { get; } = new(LongFiles.Events, "event", "Events",
    [
        Field(LongFiles.Events, "date", "Date", "The day the event was found (a local recurrence restarts the surveillance plan).", FieldInput.Date),
        Field(LongFiles.Events, "kind", "Kind", "At most one death per patient; nothing may be dated after it.", R.EventKind),
        Field(LongFiles.Events, "site", "Metastasis site", "Only for a distant metastasis: where it is.", R.Target),
        Field(LongFiles.Events, "lesions", "Lesions", "Only for a distant metastasis: how many, at least 1.", FieldInput.Integer),
        Field(LongFiles.Events, "max_lesion_cm", "Largest lesion (cm)", "Only for a distant metastasis: the largest, in cm, more than 0.", FieldInput.Number),
        Field(LongFiles.Events, "cause", "Cause of death", "Only for a death.", R.DeathCause),
    ]);

    /// <summary>Follow-up contacts: visits, calls, letters.</summary>
    public static EntryList FollowUps { get; } = new(LongFiles.FollowUp, "follow-up contact", "Follow-up contacts",
    [
        Field(LongFiles.FollowUp, "date", "Date", "The day of the contact; visits on or before the last contact count as done.", FieldInput.Date),
        Field(LongFiles.FollowUp, "status", "Status", "The patient's status then. Lost to follow-up takes the patient off the worklist's due list onto its lost list.", R.FollowUpStatus),
    ]);

    /// <summary>Every list, in the long format's file order.</summary>
    public static IReadOnlyList<EntryList> Lists { get; } = [Surgeries, Radiotherapy, Systemic, Events, FollowUps];

    /// <summary>The list whose URL segment is <paramref name="slug"/>, or null.</summary>
    public static EntryList? List(string slug)
    {
        foreach (var list in Lists)
        {
            if (list.Slug == slug)
            {
                return list;
            }
        }
        return null;
    }

    private static FormField Field(LongFile file, string column, string label, string help, FieldInput input) =>
        new(column, label, help, input, file.Required[file.IndexOf(column)], []);

    private static FormField Field<T>(LongFile file, string column, string label, string help, CodeTable<T> codes) where T : struct, Enum =>
        new(column, label, help, FieldInput.Choice, file.Required[file.IndexOf(column)], [.. codes.Codes.Select((code, i) => (code, codes.Labels[i]))]);
}
