using Sarc.Registry.Codes;
using Sarc.Registry.Domain;
using Sarc.Registry.Validation;
using C = Sarc.Registry.Template.TemplateColumns;
using R = Sarc.Registry.Codes.RegistryCodes;

namespace Sarc.Registry.Template;

/// <summary>
/// Validates a flat-template file and turns its rows into <see cref="PatientRecord"/>s (<see cref="ImportRow.FlatView"/>
/// rows: the primary surgery, one radiotherapy course, the first event of each kind, a follow-up contact on
/// <c>last_followup_date</c> for a living patient). Every problem is collected (<c>line N: column: problem</c>, header =
/// line 1), never thrown one by one; a row with any problem yields no record. Rules: header columns must be template
/// columns (no duplicates) and include the required ones; a row has as many cells as the header; required cells
/// non-empty; dates ISO <c>YYYY-MM-DD</c>, not in the future; codes from <see cref="RegistryCodes"/>; ranges; date
/// order; duplicate ids. Cells are trimmed of surrounding white space. See docs/formats.md.
/// </summary>
public static class TemplateParser
{
    /// <summary>Reads and validates <paramref name="path"/> (<c>.xlsx</c> or CSV); dates after <paramref name="asOf"/> (default: today) are refused.</summary>
    /// <exception cref="Sarc.Data.DataInputException">The file cannot be read at all (missing, not a CSV/xlsx, empty).</exception>
    public static TemplateParseResult ParseFile(string path, DateOnly? asOf = null) => Parse(TemplateFileReader.Read(path), asOf ?? Today());

    /// <summary>
    /// Validates one record given as its template cells in template order (a web form), with exactly the rules and
    /// messages of a file: the record is reported as line 2 of a one-row file whose header has every column.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="cells"/> does not have one cell per template column.</exception>
    public static TemplateParseResult ParseRow(IReadOnlyList<string> cells, string source, DateOnly? asOf = null)
    {
        if (cells.Count != C.Count)
        {
            throw new ArgumentException($"expected {C.Count} template cells, got {cells.Count}", nameof(cells));
        }
        return Parse(new RawTable(source, null, [.. C.Names], [[.. cells]], [2]), asOf ?? Today());
    }

    /// <summary>Today's date on this machine: what "in the future" means when no <c>--as-of</c> is given.</summary>
    internal static DateOnly Today() => DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);

    internal static TemplateParseResult Parse(RawTable table, DateOnly asOf)
    {
        var errors = new List<ImportError>();
        var required = Enumerable.Range(0, C.Count).Select(C.IsRequired).ToArray();
        var map = HeaderMap.Map(table.Header, C.Names, required, null, "not a template column", errors);
        // Rows are still checked after a header problem, so that one run lists everything to fix; a required column
        // missing from the header is reported once, on line 1, not again on every row.
        var headerValid = errors.Count == 0;
        var rows = new List<ImportRow>(table.Rows.Count);
        var firstLineOfId = new Dictionary<string, int>(table.Rows.Count, StringComparer.Ordinal);
        var reader = new RowCells(C.Names, required, null, errors, asOf);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var raw = table.Rows[r];
            var line = table.Lines[r];
            if (RowCells.IsBlank(raw))
            {
                continue;
            }
            var before = errors.Count;
            if (HeaderMap.Cells(raw, table.Header.Length, map, line, null, errors) is not { } cells)
            {
                continue;
            }
            reader.Start(cells, map, line);
            var record = RecordOf(reader);
            var id = cells[C.PatientId];
            if (id.Length > 0)
            {
                if (firstLineOfId.TryGetValue(id, out var first))
                {
                    errors.Add(new ImportError(line, "patient_id", $"'{id}' duplicates line {first}"));
                }
                else
                {
                    firstLineOfId.Add(id, line);
                }
            }
            if (record is not null && errors.Count == before)
            {
                rows.Add(new ImportRow(line, record, FlatView: true));
            }
        }
        return new TemplateParseResult(table.Source, headerValid ? rows : [], errors);
    }

    /// <summary>Parses one row's cells; adds each problem to the shared list; returns null when any part failed.</summary>
    private static PatientRecord? RecordOf(RowCells row)
    {
        var start = row.Errors.Count;
        var id = row.Text(C.PatientId);
        var center = row.Text(C.Center);
        var sex = row.Code(C.Sex, R.Sex);
        var birth = row.Date(C.BirthDate);
        var diagnosis = row.Date(C.DiagnosisDate);
        var histology = row.Text(C.Histology);
        if (histology is not null && !HistologyNames.IsWellFormed(histology))
        {
            row.Error(C.Histology, $"'{histology}' is not an ICD-O-3 morphology code like 8890/3");
            histology = null;
        }
        var site = row.Code(C.Site, R.Site);
        var depth = row.Code(C.Depth, R.Depth);
        var size = row.Positive(C.SizeCm);
        var grade = row.Code(C.Grade, R.Grade);
        var surgery = row.Date(C.SurgeryDate);
        var margin = row.Code(C.Margin, R.Margin);
        var lastFollowUp = row.Date(C.LastFollowUpDate);
        var smoking = row.Code(C.Smoking, R.Smoking);
        var bmi = row.Number(C.Bmi, 10, 80, lowInclusive: true, "between 10 and 80");
        var charlson = row.Integer(C.Charlson, 0, 37);
        var setting = row.Code(C.RtSetting, R.RadiotherapySetting);
        var dose = row.Positive(C.RtDoseGy);
        var fractions = row.Integer(C.RtFractions, 1, int.MaxValue);
        var rtEnd = row.Date(C.RtEndDate);
        var necrosis = row.Number(C.NecrosisPct, 0, 100, lowInclusive: true, "between 0 and 100");
        var lr = row.Date(C.LrDate);
        var dm = row.Date(C.DmDate);
        var death = row.Date(C.DeathDate);
        var cause = row.Code(C.DeathCause, R.DeathCause);

        if ((row.Cell(C.RtDoseGy).Length == 0) != (row.Cell(C.RtFractions).Length == 0))
        {
            var missing = row.Cell(C.RtDoseGy).Length == 0 ? C.RtDoseGy : C.RtFractions;
            row.Error(missing, "required when rt_dose_gy or rt_fractions is given (EQD2 needs both)");
        }
        if (row.Cell(C.RtDoseGy).Length == 0 && row.Cell(C.RtFractions).Length == 0 && (row.Cell(C.RtSetting).Length > 0 || row.Cell(C.RtEndDate).Length > 0))
        {
            row.Error(C.RtDoseGy, "required when rt_setting or rt_end_date is given");
        }
        if (cause is not null && row.Cell(C.DeathDate).Length == 0)
        {
            row.Error(C.DeathCause, "given without death_date");
        }

        CheckOrder(row, birth, diagnosis, surgery, lastFollowUp, rtEnd, lr, dm, death);

        if (row.Errors.Count > start || id is null || center is null || sex is null || birth is null || diagnosis is null
            || histology is null || site is null || grade is null || surgery is null || margin is null || lastFollowUp is null)
        {
            return null;
        }
        var events = new List<OutcomeEvent>(3);
        if (lr is { } lrDate)
        {
            events.Add(new OutcomeEvent(OutcomeEventKind.LocalRecurrence, lrDate));
        }
        if (dm is { } dmDate)
        {
            events.Add(new OutcomeEvent(OutcomeEventKind.DistantMetastasis, dmDate));
        }
        if (death is { } deathDate)
        {
            events.Add(new OutcomeEvent(OutcomeEventKind.Death, deathDate, cause));
        }
        IReadOnlyList<RadiotherapyCourse> radiotherapy = dose is { } d && fractions is { } n
            ? [new RadiotherapyCourse(setting, d, n, rtEnd)]
            : [];
        // A dead patient's last follow-up is the death date (checked above): no contact beyond the death is invented.
        IReadOnlyList<FollowUpContact> followUps = death is null ? [new FollowUpContact(lastFollowUp.Value, null)] : [];
        return new PatientRecord(
            new Patient(id, center, sex.Value, birth.Value),
            new PrimaryTumor(diagnosis.Value, histology, site.Value, depth, size, grade.Value),
            new Comorbidity(smoking, bmi, charlson),
            [new Surgery(surgery.Value, SurgeryKind.Primary, Margin: margin, NecrosisPct: necrosis)],
            radiotherapy,
            [],
            events,
            followUps);
    }

    private static void CheckOrder(RowCells row, DateOnly? birth, DateOnly? diagnosis, DateOnly? surgery, DateOnly? lastFollowUp,
        DateOnly? rtEnd, DateOnly? lr, DateOnly? dm, DateOnly? death)
    {
        if (birth is { } b && diagnosis is { } dx && !(b < dx))
        {
            row.Error(C.DiagnosisDate, $"{CellText.Date(dx)} is not after birth_date {CellText.Date(b)}");
        }
        if (diagnosis is { } dx2 && surgery is { } s0 && s0 < dx2)
        {
            row.Error(C.SurgeryDate, $"{CellText.Date(s0)} is before diagnosis_date {CellText.Date(dx2)}");
        }
        if (rtEnd is { } e && diagnosis is { } dx3 && e < dx3)
        {
            row.Error(C.RtEndDate, $"{CellText.Date(e)} is before diagnosis_date {CellText.Date(dx3)}");
        }
        if (surgery is { } s)
        {
            NotBefore(row, C.LrDate, lr, s, C.SurgeryDate);
            NotBefore(row, C.DmDate, dm, s, C.SurgeryDate);
            NotBefore(row, C.DeathDate, death, s, C.SurgeryDate);
            NotBefore(row, C.LastFollowUpDate, lastFollowUp, s, C.SurgeryDate);
        }
        if (death is { } d)
        {
            NotAfter(row, C.LrDate, lr, d, C.DeathDate);
            NotAfter(row, C.DmDate, dm, d, C.DeathDate);
            NotAfter(row, C.RtEndDate, rtEnd, d, C.DeathDate);
            if (lastFollowUp is { } f && f != d)
            {
                row.Error(C.LastFollowUpDate, $"{CellText.Date(f)} must equal death_date {CellText.Date(d)} for a patient who died");
            }
        }
        else if (lastFollowUp is { } f)
        {
            NotAfter(row, C.LrDate, lr, f, C.LastFollowUpDate);
            NotAfter(row, C.DmDate, dm, f, C.LastFollowUpDate);
        }
    }

    private static void NotBefore(RowCells row, int column, DateOnly? value, DateOnly bound, int boundColumn)
    {
        if (value is { } v && v < bound)
        {
            row.Error(column, $"{CellText.Date(v)} is before {C.Names[boundColumn]} {CellText.Date(bound)}");
        }
    }

    private static void NotAfter(RowCells row, int column, DateOnly? value, DateOnly bound, int boundColumn)
    {
        if (value is { } v && v > bound)
        {
            row.Error(column, $"{CellText.Date(v)} is after {C.Names[boundColumn]} {CellText.Date(bound)}");
        }
    }
}
