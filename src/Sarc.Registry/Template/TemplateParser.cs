using System.Globalization;
using Sarc.Registry.Domain;
using C = Sarc.Registry.Template.TemplateColumns;

namespace Sarc.Registry.Template;

/// <summary>
/// Validates a flat-template file and turns its rows into <see cref="PatientRecord"/>s. Every problem is collected
/// (<c>line N: column: problem</c>, header = line 1), never thrown one by one; a row with any problem yields no record.
/// Rules: header columns must be template columns (no duplicates) and include the required ones; required cells
/// non-empty; dates ISO <c>YYYY-MM-DD</c>; codes from the template's lists; ranges; date order; duplicate ids.
/// Cells are trimmed of surrounding white space. See docs/formats.md.
/// </summary>
public static class TemplateParser
{
    /// <summary>Reads and validates <paramref name="path"/> (<c>.xlsx</c> or CSV).</summary>
    /// <exception cref="Sarc.Data.DataInputException">The file cannot be read at all (missing, not a CSV/xlsx, empty).</exception>
    public static TemplateParseResult ParseFile(string path) => Parse(TemplateFileReader.Read(path));

    /// <summary>
    /// Validates one record given as its template cells in template order (a web form), with exactly the rules and
    /// messages of a file: the record is reported as line 2 of a one-row file whose header has every column.
    /// </summary>
    public static TemplateParseResult ParseRow(IReadOnlyList<string> cells, string source)
    {
        if (cells.Count != C.Count)
        {
            throw new ArgumentException($"expected {C.Count} template cells, got {cells.Count}", nameof(cells));
        }
        return Parse(new RawTable(source, [.. C.Names], [[.. cells]], [2]));
    }

    internal static TemplateParseResult Parse(RawTable table)
    {
        var errors = new List<ImportError>();
        var map = MapHeader(table.Header, errors);
        // Rows are still checked after a header problem, so that one run lists everything to fix; a required column
        // missing from the header is reported once, on line 1, not again on every row.
        var headerValid = errors.Count == 0;
        var rows = new List<ImportRow>(table.Rows.Count);
        var firstLineOfId = new Dictionary<string, int>(table.Rows.Count, StringComparer.Ordinal);
        var cells = new string[C.Count];
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var raw = table.Rows[r];
            var line = table.Lines[r];
            if (IsBlank(raw))
            {
                continue;
            }
            if (raw.Length > table.Header.Length && !IsBlank(raw.AsSpan(table.Header.Length)))
            {
                errors.Add(new ImportError(line, "(row)", $"{raw.Length} cells but the header has {table.Header.Length}"));
                continue;
            }
            for (var c = 0; c < C.Count; c++)
            {
                cells[c] = map[c] >= 0 && map[c] < raw.Length ? raw[map[c]].Trim() : "";
            }
            var before = errors.Count;
            var record = new RowParser(cells, map, line, errors).Parse();
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
                rows.Add(new ImportRow(line, record));
            }
        }
        return new TemplateParseResult(table.Source, headerValid ? rows : [], errors);
    }

    private static int[] MapHeader(string[] header, List<ImportError> errors)
    {
        var map = new int[C.Count];
        Array.Fill(map, -1);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i];
            var index = C.IndexOf(name);
            if (index < 0)
            {
                var hint = C.IndexOf(name.ToLowerInvariant()) >= 0 ? $" (did you mean '{name.ToLowerInvariant()}'?)" : "";
                errors.Add(new ImportError(1, name.Length == 0 ? $"(column {i + 1})" : name,
                    name.Length == 0 ? "empty column name" : $"not a template column{hint}"));
            }
            else if (map[index] >= 0)
            {
                errors.Add(new ImportError(1, name, $"appears twice (columns {map[index] + 1} and {i + 1})"));
            }
            else
            {
                map[index] = i;
            }
        }
        for (var c = 0; c < C.Count; c++)
        {
            if (C.IsRequired(c) && map[c] < 0)
            {
                errors.Add(new ImportError(1, C.Names[c], "required column missing"));
            }
        }
        return map;
    }

    private static bool IsBlank(ReadOnlySpan<string> cells)
    {
        foreach (var cell in cells)
        {
            if (!string.IsNullOrWhiteSpace(cell))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Parses one row's cells; adds each problem to the shared list; returns null when any required part failed.</summary>
    private readonly ref struct RowParser(string[] cells, int[] map, int line, List<ImportError> errors)
    {
        private readonly string[] cells = cells;
        private readonly int[] map = map;
        private readonly int line = line;
        private readonly List<ImportError> errors = errors;

        public PatientRecord? Parse()
        {
            var start = errors.Count;
            var id = Required(C.PatientId);
            var center = Required(C.Center);
            var sex = Code(C.Sex, TemplateCodes.SexCodes);
            var birth = Date(C.BirthDate);
            var diagnosis = Date(C.DiagnosisDate);
            var histology = Required(C.Histology);
            if (histology is not null && !HistologyNames.IsWellFormed(histology))
            {
                Error(C.Histology, $"'{histology}' is not an ICD-O-3 morphology code like 8890/3");
                histology = null;
            }
            var site = Code(C.Site, TemplateCodes.SiteCodes);
            var depth = Code(C.Depth, TemplateCodes.DepthCodes);
            var size = Number(C.SizeCm, 0, double.PositiveInfinity, lowInclusive: false, "> 0");
            var grade = Code(C.Grade, TemplateCodes.GradeCodes);
            var surgery = Date(C.SurgeryDate);
            var margin = Code(C.Margin, TemplateCodes.MarginCodes);
            var lastFollowUp = Date(C.LastFollowUpDate);
            var smoking = Code(C.Smoking, TemplateCodes.SmokingCodes);
            var bmi = Number(C.Bmi, 10, 80, lowInclusive: true, "between 10 and 80");
            var charlson = Integer(C.Charlson, 0, 37);
            var setting = Code(C.RtSetting, TemplateCodes.SettingCodes);
            var dose = Number(C.RtDoseGy, 0, double.PositiveInfinity, lowInclusive: false, "> 0");
            var fractions = Integer(C.RtFractions, 1, int.MaxValue);
            var rtEnd = Date(C.RtEndDate);
            var necrosis = Number(C.NecrosisPct, 0, 100, lowInclusive: true, "between 0 and 100");
            var lr = Date(C.LrDate);
            var dm = Date(C.DmDate);
            var death = Date(C.DeathDate);
            var cause = Code(C.DeathCause, TemplateCodes.CauseCodes);

            if ((Cell(C.RtDoseGy).Length == 0) != (Cell(C.RtFractions).Length == 0))
            {
                var missing = Cell(C.RtDoseGy).Length == 0 ? C.RtDoseGy : C.RtFractions;
                Error(missing, "required when rt_dose_gy or rt_fractions is given (EQD2 needs both)");
            }
            if (Cell(C.RtDoseGy).Length == 0 && Cell(C.RtFractions).Length == 0 && (Cell(C.RtSetting).Length > 0 || Cell(C.RtEndDate).Length > 0))
            {
                Error(C.RtDoseGy, "required when rt_setting or rt_end_date is given");
            }
            if (cause is not null && Cell(C.DeathDate).Length == 0)
            {
                Error(C.DeathCause, "given without death_date");
            }

            CheckOrder(birth, diagnosis, surgery, lastFollowUp, rtEnd, lr, dm, death);

            if (errors.Count > start || id is null || center is null || sex is null || birth is null || diagnosis is null
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
                events.Add(new OutcomeEvent(OutcomeEventKind.Death, deathDate, (DeathCause?)cause));
            }
            IReadOnlyList<RadiotherapyCourse> radiotherapy = dose is { } d && fractions is { } n
                ? [new RadiotherapyCourse((RadiotherapySetting?)setting, d, n, rtEnd)]
                : [];
            var comorbidity = smoking is null && bmi is null && charlson is null
                ? null
                : new Comorbidity((SmokingStatus?)smoking, bmi, charlson);
            var pathology = necrosis is null ? null : new Pathology(necrosis);
            return new PatientRecord(
                new Patient(id!, center!, (Sex)sex!.Value, birth!.Value, lastFollowUp!.Value),
                new PrimaryTumor(diagnosis!.Value, histology!, (TumorSite)site!.Value, (TumorDepth?)depth, size, (FnclccGrade)grade!.Value),
                [new Surgery(surgery!.Value, (ResectionMargin)margin!.Value)],
                radiotherapy,
                pathology,
                comorbidity,
                events);
        }

        private void CheckOrder(DateOnly? birth, DateOnly? diagnosis, DateOnly? surgery, DateOnly? lastFollowUp,
            DateOnly? rtEnd, DateOnly? lr, DateOnly? dm, DateOnly? death)
        {
            if (birth is { } b && diagnosis is { } dx && !(b < dx))
            {
                Error(C.DiagnosisDate, $"{TemplateCodes.Date(dx)} is not after birth_date {TemplateCodes.Date(b)}");
            }
            if (diagnosis is { } dx2 && surgery is { } s0 && s0 < dx2)
            {
                Error(C.SurgeryDate, $"{TemplateCodes.Date(s0)} is before diagnosis_date {TemplateCodes.Date(dx2)}");
            }
            if (rtEnd is { } e && diagnosis is { } dx3 && e < dx3)
            {
                Error(C.RtEndDate, $"{TemplateCodes.Date(e)} is before diagnosis_date {TemplateCodes.Date(dx3)}");
            }
            if (surgery is { } s)
            {
                NotBefore(C.LrDate, lr, s, C.SurgeryDate);
                NotBefore(C.DmDate, dm, s, C.SurgeryDate);
                NotBefore(C.DeathDate, death, s, C.SurgeryDate);
                NotBefore(C.LastFollowUpDate, lastFollowUp, s, C.SurgeryDate);
            }
            if (death is { } d)
            {
                NotAfter(C.LrDate, lr, d, C.DeathDate);
                NotAfter(C.DmDate, dm, d, C.DeathDate);
                NotAfter(C.RtEndDate, rtEnd, d, C.DeathDate);
                if (lastFollowUp is { } f && f != d)
                {
                    Error(C.LastFollowUpDate, $"{TemplateCodes.Date(f)} must equal death_date {TemplateCodes.Date(d)} for a patient who died");
                }
            }
            else if (lastFollowUp is { } f)
            {
                NotAfter(C.LrDate, lr, f, C.LastFollowUpDate);
                NotAfter(C.DmDate, dm, f, C.LastFollowUpDate);
            }
        }

        private void NotBefore(int column, DateOnly? value, DateOnly bound, int boundColumn)
        {
            if (value is { } v && v < bound)
            {
                Error(column, $"{TemplateCodes.Date(v)} is before {C.Names[boundColumn]} {TemplateCodes.Date(bound)}");
            }
        }

        private void NotAfter(int column, DateOnly? value, DateOnly bound, int boundColumn)
        {
            if (value is { } v && v > bound)
            {
                Error(column, $"{TemplateCodes.Date(v)} is after {C.Names[boundColumn]} {TemplateCodes.Date(bound)}");
            }
        }

        private string Cell(int column) => cells[column];

        private void Error(int column, string problem) => errors.Add(new ImportError(line, C.Names[column], problem));

        /// <summary>The cell, or null (with an error when the column is required) when it is empty.</summary>
        private string? Present(int column)
        {
            var text = cells[column];
            if (text.Length > 0)
            {
                return text;
            }
            if (C.IsRequired(column) && map[column] >= 0)
            {
                Error(column, "required value missing");
            }
            return null;
        }

        private string? Required(int column) => Present(column);

        private int? Code(int column, string[] codes)
        {
            if (Present(column) is not { } text)
            {
                return null;
            }
            var index = TemplateCodes.Find(codes, text);
            if (index < 0)
            {
                Error(column, TemplateCodes.NotOneOf(codes, text));
                return null;
            }
            return index;
        }

        private DateOnly? Date(int column)
        {
            if (Present(column) is not { } text)
            {
                return null;
            }
            if (text.Length != 10 || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Error(column, $"'{text}' is not a date YYYY-MM-DD");
                return null;
            }
            return date;
        }

        private double? Number(int column, double low, double high, bool lowInclusive, string range)
        {
            if (Present(column) is not { } text)
            {
                return null;
            }
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                Error(column, $"'{text}' is not a number");
                return null;
            }
            var aboveLow = lowInclusive ? value >= low : value > low;
            if (!aboveLow || value > high)
            {
                Error(column, $"{text} is out of range (must be {range})");
                return null;
            }
            return value;
        }

        private int? Integer(int column, int low, int high)
        {
            if (Present(column) is not { } text)
            {
                return null;
            }
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                Error(column, $"'{text}' is not a whole number");
                return null;
            }
            if (value < low || value > high)
            {
                Error(column, high == int.MaxValue
                    ? $"{text} is out of range (must be >= {low})"
                    : $"{text} is out of range (must be {low} to {high})");
                return null;
            }
            return value;
        }
    }
}
