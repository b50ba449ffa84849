using Sarc.Registry.LongFormat;
using R = Sarc.Registry.Codes.RegistryCodes;

namespace Sarc.Interop.Redcap;

/// <summary>
/// Sarc's REDCap project, generated from the long format (<see cref="LongFiles"/>) and the code tables
/// (<see cref="R"/>): one instrument per entity, the patient's fields on the non-repeating <c>patient</c>
/// instrument with <c>record_id</c> (the patient id) first, and each other entity a repeating instrument whose fields
/// carry its prefix (<c>surg_</c>, <c>rt_</c>, <c>sys_</c>, <c>event_</c>, <c>fu_</c>). Choices are
/// <c>1, code label | 2, ...</c> in code-table order; yes/no columns are REDCap <c>yesno</c> fields; dates
/// <c>date_ymd</c>. <c>interop/redcap/sarc_data_dictionary.csv</c> is <see cref="Dictionary"/> written out.
/// </summary>
public static class SarcRedcapProject
{
    /// <summary>The record id field: the patient id.</summary>
    public const string RecordId = "record_id";

    /// <summary>The six instruments, in dictionary order.</summary>
    public static IReadOnlyList<SarcInstrument> Instruments { get; } = Build();

    /// <summary>The data dictionary of the project.</summary>
    public static RedcapDictionary Dictionary { get; } = new(BuildDictionary());

    /// <summary>The mapping of the project's own records onto the long format (what <c>sarc redcap import</c> uses without <c>--mapping</c>).</summary>
    public static RedcapMapping Mapping { get; } = new("Sarc's REDCap project", RecordId,
        [.. Instruments.Select(i => new InstrumentMap(i.Name, i.File,
            [.. i.Fields.Select(f => new FieldMap(f.Column, f.FieldName, null, f.ChoiceCodes(), null, 0))], 0))]);

    /// <summary>The field of long-format column <paramref name="column"/> of <paramref name="file"/>, or null (<c>patient_id</c>, or not a column).</summary>
    public static SarcField? FieldOf(LongFile file, string column) =>
        Of(file).Fields.FirstOrDefault(f => f.Column == column);

    /// <summary>The instrument of <paramref name="file"/>.</summary>
    public static SarcInstrument Of(LongFile file) => Instruments.First(i => i.File == file);

    /// <summary>
    /// The repeating instruments as REDCap's "Repeating Instruments" download (and its API's <c>content=repeatingFormsEvents</c>)
    /// lists them for a classic project: <c>form_name,custom_form_label</c>.
    /// </summary>
    public static string RepeatingInstrumentsCsv()
    {
        var writer = new StringWriter();
        RedcapCsv.WriteLine(writer, ["form_name", "custom_form_label"]);
        foreach (var instrument in Instruments.Where(i => i.Repeating))
        {
            RedcapCsv.WriteLine(writer, [instrument.Name, instrument.Label]);
        }
        return writer.ToString();
    }

    private static List<RedcapField> BuildDictionary()
    {
        var fields = new List<RedcapField>();
        foreach (var instrument in Instruments)
        {
            if (!instrument.Repeating)
            {
                fields.Add(new RedcapField(RecordId, instrument.Name, "text", "Patient id (the center's pseudonym, never a name or record number)",
                    Required: "y", Annotation: "sarc: patients.patient_id"));
            }
            foreach (var f in instrument.Fields)
            {
                var (type, validation) = f.Kind switch
                {
                    SarcFieldKind.Date => ("text", "date_ymd"),
                    SarcFieldKind.Number => ("text", "number"),
                    SarcFieldKind.Integer => ("text", "integer"),
                    SarcFieldKind.YesNo => ("yesno", ""),
                    SarcFieldKind.Choice => (f.Codes.Count <= 4 ? "radio" : "dropdown", ""),
                    _ => ("text", ""),
                };
                var choices = f.Kind == SarcFieldKind.Choice
                    ? RedcapField.FormatChoices(f.Codes.Select((c, i) => ((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Choice(c, f.CodeLabels[i]))))
                    : "";
                var required = f.File.Required[f.File.IndexOf(f.Column)];
                fields.Add(new RedcapField(f.FieldName, instrument.Name, type, f.Label, choices, f.Note, validation, f.Min, f.Max,
                    Identifier: f.File == LongFiles.Patients && f.Column == "birth_date" ? "y" : "",
                    BranchingLogic: f.BranchingLogic,
                    Required: required ? "y" : "",
                    Annotation: $"sarc: {f.File.Name}.{f.Column}"));
            }
        }
        return fields;
    }

    /// <summary>A choice's label: the Sarc code, and the code table's label where it says more.</summary>
    private static string Choice(string code, string label) => label == code ? code : label.StartsWith(code, StringComparison.Ordinal) ? label : $"{code} ({label})";

    /// <summary>The branching logic "the event is <paramref name="kind"/>" (choice codes are 1-based code-table positions).</summary>
    private static string Kind(Sarc.Registry.Domain.OutcomeEventKind kind) => $"[event_kind] = '{(int)kind + 1}'";

    private static List<SarcInstrument> Build()
    {
        var p = LongFiles.Patients;
        var s = LongFiles.Surgeries;
        var rt = LongFiles.Radiotherapy;
        var sys = LongFiles.Systemic;
        var ev = LongFiles.Events;
        var fu = LongFiles.FollowUp;
        static SarcField Text(LongFile file, string column, string name, string label, string note = "") =>
            new(file, column, name, label, SarcFieldKind.Text, [], [], Note: note);
        static SarcField Date(LongFile file, string column, string name, string label) =>
            new(file, column, name, label, SarcFieldKind.Date, [], [], Note: "YYYY-MM-DD");
        static SarcField Number(LongFile file, string column, string name, string label, string min, string max, string note) =>
            new(file, column, name, label, SarcFieldKind.Number, [], [], min, max, note);
        static SarcField Integer(LongFile file, string column, string name, string label, string min, string max) =>
            new(file, column, name, label, SarcFieldKind.Integer, [], [], min, max);
        static SarcField Yes(LongFile file, string column, string name, string label) =>
            new(file, column, name, label, SarcFieldKind.YesNo, ["no", "yes"], ["no", "yes"]);
        static SarcField Choice<T>(LongFile file, string column, string name, string label, Sarc.Registry.Codes.CodeTable<T> table, string branching = "")
            where T : struct, Enum =>
            new(file, column, name, label, SarcFieldKind.Choice, table.Codes, table.Labels, BranchingLogic: branching);
        var metastasis = Kind(Sarc.Registry.Domain.OutcomeEventKind.DistantMetastasis);
        return
        [
            new("patient", "Patient", p,
            [
                Text(p, "center", "center", "Center", "the center's short name"),
                Choice(p, "sex", "sex", "Sex", R.Sex),
                Date(p, "birth_date", "birth_date", "Date of birth"),
                Date(p, "diagnosis_date", "diagnosis_date", "Date of diagnosis"),
                Text(p, "histology", "histology", "Histology (ICD-O-3 morphology)", "e.g. 8890/3"),
                Choice(p, "site", "site", "Primary tumour site", R.Site),
                Choice(p, "depth", "depth", "Depth relative to the fascia", R.Depth),
                Number(p, "size_cm", "size_cm", "Largest tumour diameter (cm)", "0", "", "cm, > 0"),
                Choice(p, "grade", "grade", "FNCLCC grade", R.Grade),
                Yes(p, "metastatic_at_diagnosis", "metastatic_at_diagnosis", "Distant metastasis at diagnosis"),
                Choice(p, "smoking", "smoking", "Smoking", R.Smoking),
                Number(p, "bmi", "bmi", "Body-mass index (kg/m2)", "10", "80", "kg/m2"),
                Integer(p, "charlson", "charlson", "Charlson comorbidity index", "0", "37"),
            ]),
            new("surgery", "Surgery", s,
            [
                Date(s, "date", "surg_date", "Date of surgery"),
                Choice(s, "kind", "surg_kind", "Kind of surgery", R.SurgeryKind),
                Choice(s, "target", "surg_target", "Site operated on", R.Target),
                Choice(s, "margin", "surg_margin", "Resection margin", R.Margin),
                Number(s, "necrosis_pct", "surg_necrosis_pct", "Necrosis of the specimen (%)", "0", "100", "percent"),
                Integer(s, "lesions", "surg_lesions", "Lesions resected", "1", ""),
                Number(s, "max_lesion_cm", "surg_max_lesion_cm", "Largest lesion resected (cm)", "0", "", "cm, > 0"),
                Choice(s, "clavien_dindo", "surg_clavien_dindo", "Worst complication (Clavien-Dindo)", R.ClavienDindo),
                Yes(s, "wound_complication", "surg_wound_complication", "Major wound complication within 120 days"),
            ]),
            new("radiotherapy", "Radiotherapy", rt,
            [
                Choice(rt, "setting", "rt_setting", "Setting", R.RadiotherapySetting),
                Choice(rt, "target", "rt_target", "Target", R.RadiotherapyTarget),
                Number(rt, "dose_gy", "rt_dose_gy", "Total dose (Gy)", "0", "", "Gy, > 0"),
                Integer(rt, "fractions", "rt_fractions", "Fractions", "1", ""),
                Date(rt, "start_date", "rt_start_date", "First day"),
                Date(rt, "end_date", "rt_end_date", "Last day"),
                Integer(rt, "late_toxicity_grade", "rt_late_toxicity_grade", "Worst late toxicity (CTCAE grade)", "0", "5"),
            ]),
            new("systemic_therapy", "Systemic therapy", sys,
            [
                Text(sys, "regimen", "sys_regimen", "Regimen", "free text, e.g. doxorubicin + ifosfamide"),
                Choice(sys, "intent", "sys_intent", "Intent", R.SystemicIntent),
                Date(sys, "start_date", "sys_start_date", "First day"),
                Date(sys, "end_date", "sys_end_date", "Last day"),
            ]),
            new("event", "Outcome event", ev,
            [
                Date(ev, "date", "event_date", "Date of the event"),
                Choice(ev, "kind", "event_kind", "Event", R.EventKind),
                Choice(ev, "site", "event_site", "Site of the metastasis", R.Target, metastasis),
                Integer(ev, "lesions", "event_lesions", "Number of metastases", "1", "") with { BranchingLogic = metastasis },
                Number(ev, "max_lesion_cm", "event_max_lesion_cm", "Largest metastasis (cm)", "0", "", "cm, > 0") with { BranchingLogic = metastasis },
                Choice(ev, "cause", "event_cause", "Cause of death", R.DeathCause, Kind(Sarc.Registry.Domain.OutcomeEventKind.Death)),
            ]),
            new("follow_up", "Follow-up contact", fu,
            [
                Date(fu, "date", "fu_date", "Date of the contact"),
                Choice(fu, "status", "fu_status", "Status", R.FollowUpStatus),
            ]),
        ];
    }
}
