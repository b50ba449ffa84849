using Sarc.Registry.Codes;
using Sarc.Registry.Domain;
using Sarc.Registry.Import;
using Sarc.Registry.Template;
using Sarc.Registry.Validation;
using R = Sarc.Registry.Codes.RegistryCodes;

namespace Sarc.Registry.LongFormat;

/// <summary>
/// Validates the files of a long-format import and assembles its patients. Checked per row: header columns of the
/// file (unknown ones are errors), a row as long as the header, required values, codes, dates (not after "today"),
/// ranges, fields that belong to another kind (a cause for a recurrence), <c>end_date</c> before <c>start_date</c>;
/// per patient of the <c>patients</c> file: the <see cref="RecordRules"/>. Rows of other patients become
/// <see cref="ImportAddition"/>s that the store checks against the registry. Every problem is collected.
/// </summary>
internal static class LongFormatParser
{
    public static ImportParseResult Parse(string source, IReadOnlyDictionary<LongFile, RawTable> tables, DateOnly asOf)
    {
        var errors = new List<ImportError>();
        var drafts = new Dictionary<string, PatientDraft>(StringComparer.Ordinal);
        var order = new List<PatientDraft>();
        var patientsName = tables.TryGetValue(LongFiles.Patients, out var p) ? p.Name : null;
        var entries = new List<(string Id, object Entry, SourceRow Where)>();
        foreach (var file in LongFiles.All)
        {
            if (!tables.TryGetValue(file, out var table))
            {
                continue;
            }
            var map = HeaderMap.Map(table.Header, file.Columns, file.Required, table.Name, $"not a column of {file.Name}", errors);
            var cells = new RowCells(file.Columns, file.Required, table.Name, errors, asOf);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var raw = table.Rows[r];
                var line = table.Lines[r];
                if (RowCells.IsBlank(raw) || HeaderMap.Cells(raw, table.Header.Length, map, line, table.Name, errors) is not { } row)
                {
                    continue;
                }
                cells.Start(row, map, line);
                var where = new SourceRow(table.Name, line);
                if (file == LongFiles.Patients)
                {
                    PatientRow(cells, where, drafts, order);
                }
                else if (Entry(file, cells) is { } entry && row[0].Length > 0)
                {
                    entries.Add((row[0], entry, where));
                }
            }
        }
        var additions = new List<ImportAddition>();
        foreach (var (id, entry, where) in entries)
        {
            if (drafts.TryGetValue(id, out var draft))
            {
                Add(draft, entry, where);
            }
            else
            {
                additions.Add(new ImportAddition(id, entry, where.File!, where.Line));
            }
        }
        var rows = new List<ImportRow>(order.Count);
        foreach (var draft in order)
        {
            if (draft.Patient is not null && RecordRules.Check(draft, errors))
            {
                rows.Add(new ImportRow(draft.PatientRow.Line, draft.ToRecord(), FlatView: false, patientsName));
            }
        }
        return new ImportParseResult(source, new ImportBatch(rows, additions), Sorted(errors));
    }

    /// <summary>Errors in file order (patients first), then line order; within a line in the order found.</summary>
    internal static List<ImportError> Sorted(IEnumerable<ImportError> errors)
    {
        int FileOrder(ImportError e)
        {
            for (var i = 0; i < LongFiles.All.Count; i++)
            {
                if (e.File is { } f && (f == LongFiles.All[i].Name || f == LongFiles.All[i].Name + ".csv"))
                {
                    return i;
                }
            }
            return -1;
        }
        return [.. errors.OrderBy(FileOrder).ThenBy(e => e.Line)];
    }

    internal static void Add(PatientDraft draft, object entry, SourceRow where)
    {
        switch (entry)
        {
            case Surgery s: draft.Surgeries.Add(new(s, where)); break;
            case RadiotherapyCourse c: draft.Radiotherapy.Add(new(c, where)); break;
            case SystemicTherapyLine l: draft.Systemic.Add(new(l, where)); break;
            case OutcomeEvent e: draft.Events.Add(new(e, where)); break;
            case FollowUpContact f: draft.FollowUps.Add(new(f, where)); break;
            default: throw new ArgumentException($"Not a list entry: {entry.GetType().Name}.", nameof(entry));
        }
    }

    /// <summary>
    /// The patient's own values from the cells of one <c>patients</c> row (in that file's column order), read as line 2
    /// of <paramref name="source"/> with every rule of a row of the file: a draft without list entries, or null with
    /// the row's problems added to <paramref name="errors"/>.
    /// </summary>
    internal static PatientDraft? PatientOf(string source, IReadOnlyList<string> cells, DateOnly asOf, List<ImportError> errors)
    {
        var file = LongFiles.Patients;
        var start = errors.Count;
        var row = new RowCells(file.Columns, file.Required, source, errors, asOf);
        row.Start([.. cells.Select(RowCells.Clean)], [.. Enumerable.Range(0, file.Columns.Count)], 2);
        var drafts = new Dictionary<string, PatientDraft>(StringComparer.Ordinal);
        var order = new List<PatientDraft>();
        PatientRow(row, new SourceRow(source, 2), drafts, order);
        return errors.Count == start && order is [{ Patient: not null } draft] ? draft : null;
    }

    private static void PatientRow(RowCells row, SourceRow where, Dictionary<string, PatientDraft> drafts, List<PatientDraft> order)
    {
        var f = LongFiles.Patients;
        var start = row.Errors.Count;
        var id = row.Text(0);
        var center = row.Text(f.IndexOf("center"));
        var sex = row.Code(f.IndexOf("sex"), R.Sex);
        var diagnosis = row.Date(f.IndexOf("diagnosis_date"));
        var birth = BirthDate(row, f.IndexOf("birth_date"), diagnosis);
        var histology = row.Text(f.IndexOf("histology"));
        if (histology is not null && !HistologyNames.IsWellFormed(histology))
        {
            row.Error(f.IndexOf("histology"), $"'{histology}' is not an ICD-O-3 morphology code like 8890/3");
            histology = null;
        }
        var site = row.Code(f.IndexOf("site"), R.Site);
        var depth = row.Code(f.IndexOf("depth"), R.Depth);
        var size = row.Positive(f.IndexOf("size_cm"));
        var grade = row.Code(f.IndexOf("grade"), R.Grade);
        var metastatic = row.YesNo(f.IndexOf("metastatic_at_diagnosis"));
        var smoking = row.Code(f.IndexOf("smoking"), R.Smoking);
        var bmi = row.Number(f.IndexOf("bmi"), 10, 80, lowInclusive: true, "between 10 and 80");
        var charlson = row.Integer(f.IndexOf("charlson"), 0, 37);
        if (id is null)
        {
            return;
        }
        if (drafts.TryGetValue(id, out var first))
        {
            row.Error(0, $"'{id}' duplicates line {first.PatientRow.Line}");
            return;
        }
        var draft = new PatientDraft(id) { PatientRow = where, PatientFile = where.File };
        drafts.Add(id, draft);
        order.Add(draft);
        if (row.Errors.Count > start || center is null || sex is null || birth is null || diagnosis is null || histology is null || site is null || grade is null)
        {
            return;
        }
        draft.Patient = new Patient(id, center, sex.Value, birth.Value);
        draft.Tumor = new PrimaryTumor(diagnosis.Value, histology, site.Value, depth, size, grade.Value, metastatic);
        draft.Comorbidity = new Comorbidity(smoking, bmi, charlson);
    }

    /// <summary>
    /// The birth date: a date, or — as a pseudonymized export writes it (HIPAA Safe Harbor keeps the year only) — a year
    /// <c>YYYY</c>, read as 1 January of that year, or <c>90+</c> (an age over 89), read as 1 January of the year 90
    /// years before the diagnosis.
    /// </summary>
    private static DateOnly? BirthDate(RowCells row, int column, DateOnly? diagnosis)
    {
        var text = row.Cell(column);
        if (text.Length == 4 && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year >= 1)
        {
            return new DateOnly(year, 1, 1);
        }
        if (text == AgeOver89)
        {
            return diagnosis is { } d && d.Year > 90 ? new DateOnly(d.Year - 90, 1, 1) : null;
        }
        return row.Date(column);
    }

    /// <summary>What a pseudonymized export writes for the birth year of a patient older than 89.</summary>
    internal const string AgeOver89 = "90+";

    /// <summary>The entry of one row of a list file, or null when the row has a problem.</summary>
    private static object? Entry(LongFile file, RowCells row)
    {
        var start = row.Errors.Count;
        row.Text(0);
        object? entry = file.Name switch
        {
            "surgeries" => SurgeryRow(row),
            "radiotherapy" => RadiotherapyRow(row),
            "systemic" => SystemicRow(row),
            "events" => EventRow(row),
            "followup" => FollowUpRow(row),
            _ => throw new ArgumentException($"Not a list file: {file.Name}.", nameof(file)),
        };
        return row.Errors.Count > start ? null : entry;
    }

    private static Surgery? SurgeryRow(RowCells row)
    {
        var f = LongFiles.Surgeries;
        var date = row.Date(f.IndexOf("date"));
        var kind = row.Code(f.IndexOf("kind"), R.SurgeryKind);
        var target = row.Code(f.IndexOf("target"), R.Target);
        var margin = row.Code(f.IndexOf("margin"), R.Margin);
        var necrosis = row.Number(f.IndexOf("necrosis_pct"), 0, 100, lowInclusive: true, "between 0 and 100");
        var lesions = row.Integer(f.IndexOf("lesions"), 1, int.MaxValue);
        var size = row.Positive(f.IndexOf("max_lesion_cm"));
        var clavien = row.Code(f.IndexOf("clavien_dindo"), R.ClavienDindo);
        var wound = row.YesNo(f.IndexOf("wound_complication"));
        return date is { } d && kind is { } k ? new Surgery(d, k, target, margin, necrosis, lesions, size, clavien, wound) : null;
    }

    private static RadiotherapyCourse? RadiotherapyRow(RowCells row)
    {
        var f = LongFiles.Radiotherapy;
        var setting = row.Code(f.IndexOf("setting"), R.RadiotherapySetting);
        var target = row.Code(f.IndexOf("target"), R.RadiotherapyTarget);
        var dose = row.Positive(f.IndexOf("dose_gy"));
        var fractions = row.Integer(f.IndexOf("fractions"), 1, int.MaxValue);
        var start = row.Date(f.IndexOf("start_date"));
        var end = row.Date(f.IndexOf("end_date"));
        var toxicity = row.Integer(f.IndexOf("late_toxicity_grade"), 0, 5);
        EndNotBeforeStart(row, f, start, end);
        return dose is { } d && fractions is { } n ? new RadiotherapyCourse(setting, d, n, end, target, start, toxicity) : null;
    }

    private static SystemicTherapyLine? SystemicRow(RowCells row)
    {
        var f = LongFiles.Systemic;
        var regimen = row.Text(f.IndexOf("regimen"));
        var intent = row.Code(f.IndexOf("intent"), R.SystemicIntent);
        var start = row.Date(f.IndexOf("start_date"));
        var end = row.Date(f.IndexOf("end_date"));
        EndNotBeforeStart(row, f, start, end);
        return start is { } s ? new SystemicTherapyLine(regimen, intent, s, end) : null;
    }

    private static OutcomeEvent? EventRow(RowCells row)
    {
        var f = LongFiles.Events;
        var date = row.Date(f.IndexOf("date"));
        var kind = row.Code(f.IndexOf("kind"), R.EventKind);
        var site = row.Code(f.IndexOf("site"), R.Target);
        var lesions = row.Integer(f.IndexOf("lesions"), 1, int.MaxValue);
        var size = row.Positive(f.IndexOf("max_lesion_cm"));
        var cause = row.Code(f.IndexOf("cause"), R.DeathCause);
        if (kind is { } k)
        {
            if (k != OutcomeEventKind.DistantMetastasis)
            {
                foreach (var column in (string[])["site", "lesions", "max_lesion_cm"])
                {
                    if (row.Cell(f.IndexOf(column)).Length > 0)
                    {
                        row.Error(f.IndexOf(column), $"only for a {R.EventKind.Code(OutcomeEventKind.DistantMetastasis)} (this row is a {R.EventKind.Code(k)})");
                    }
                }
            }
            if (k != OutcomeEventKind.Death && row.Cell(f.IndexOf("cause")).Length > 0)
            {
                row.Error(f.IndexOf("cause"), $"only for a death (this row is a {R.EventKind.Code(k)})");
            }
        }
        return date is { } d && kind is { } kk ? new OutcomeEvent(kk, d, cause, site, lesions, size) : null;
    }

    private static FollowUpContact? FollowUpRow(RowCells row)
    {
        var f = LongFiles.FollowUp;
        var date = row.Date(f.IndexOf("date"));
        var status = row.Code(f.IndexOf("status"), R.FollowUpStatus);
        return date is { } d ? new FollowUpContact(d, status) : null;
    }

    private static void EndNotBeforeStart(RowCells row, LongFile file, DateOnly? start, DateOnly? end)
    {
        if (start is { } s && end is { } e && e < s)
        {
            row.Error(file.IndexOf("end_date"), $"{CellText.Date(e)} is before start_date {CellText.Date(s)}");
        }
    }
}
