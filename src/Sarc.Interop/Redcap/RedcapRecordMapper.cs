using Sarc.Data;
using Sarc.Registry.LongFormat;

namespace Sarc.Interop.Redcap;

/// <summary>
/// Maps a REDCap flat record export (one row per record for the non-repeating instruments, one per instance of a
/// repeating one, told apart by <c>redcap_repeat_instrument</c> and <c>redcap_repeat_instance</c>) onto the rows of the
/// long format, as a <see cref="RedcapMapping"/> says. Every value that cannot be mapped is a problem of its record;
/// the rows are checked by the registry's own rules afterwards (<see cref="RedcapImporter"/>).
/// </summary>
public static class RedcapRecordMapper
{
    private const string RepeatInstrument = "redcap_repeat_instrument";
    private const string RepeatInstance = "redcap_repeat_instance";

    /// <exception cref="DataInputException">The records file lacks the record id column or a column the mapping reads, or is a longitudinal project's export.</exception>
    public static MappedRecords Map(RedcapTable records, RedcapDictionary dictionary, RedcapMapping mapping)
    {
        var idField = mapping.RecordId ?? dictionary.RecordId.Name;
        var source = records.Source;
        var idColumn = records.IndexOf(idField);
        if (idColumn < 0)
        {
            throw new DataInputException($"{source}:line 1: the record id column '{idField}' is missing (the header has {string.Join(", ", records.Header.Take(5))}{(records.Header.Count > 5 ? ", ..." : "")})");
        }
        if (records.IndexOf("redcap_event_name") >= 0)
        {
            throw new DataInputException($"{source}:line 1: redcap_event_name: exports of longitudinal projects (events) are not supported; export the records of a classic project");
        }
        foreach (var column in mapping.Instruments.SelectMany(i => i.Fields).Where(f => f.Field is not null).SelectMany(f => Columns(dictionary.Field(f.Field!)!)))
        {
            if (records.IndexOf(column) < 0)
            {
                throw new DataInputException($"{source}:line 1: column '{column}' is missing (the mapping reads it from the records)");
            }
        }
        var instrumentColumn = records.IndexOf(RepeatInstrument);
        var instanceColumn = records.IndexOf(RepeatInstance);
        var repeating = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<string>();
        var byRecord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var problems = new List<string>();
        for (var r = 0; r < records.Rows.Count; r++)
        {
            var id = records.Cell(r, idColumn);
            if (id.Length == 0)
            {
                problems.Add($"{source}:line {records.Lines[r]}: {idField} is empty");
                continue;
            }
            if (!byRecord.TryGetValue(id, out var rows))
            {
                byRecord[id] = rows = [];
                order.Add(id);
            }
            rows.Add(r);
            if (records.Cell(r, instrumentColumn) is { Length: > 0 } name)
            {
                repeating.Add(name);
            }
        }
        var rowsOut = LongFiles.All.ToDictionary(f => f, _ => new List<string[]>());
        var originsOut = LongFiles.All.ToDictionary(f => f, _ => new List<RecordOrigin>());
        var patientMaps = mapping.Instruments.Where(i => i.Entity == LongFiles.Patients).ToList();
        foreach (var id in order)
        {
            var rows = byRecord[id];
            var main = rows.FirstOrDefault(r => records.Cell(r, instrumentColumn).Length == 0, -1);
            if (main < 0)
            {
                problems.Add($"record {id}: no row for the non-repeating instruments ({string.Join(", ", patientMaps.Select(m => m.Instrument).Distinct())})");
                continue;
            }
            if (rows.Count(r => records.Cell(r, instrumentColumn).Length == 0) > 1)
            {
                problems.Add($"record {id}: more than one row for the non-repeating instruments");
                continue;
            }
            // The patient: one row from every instrument mapped to patients.
            var patientCells = Empty(LongFiles.Patients, id);
            var patientFields = new Dictionary<string, string>(StringComparer.Ordinal);
            var patientOrigin = new RecordOrigin(id, patientMaps[0].Instrument, null, patientFields);
            foreach (var map in patientMaps)
            {
                Fill(records, main, dictionary, map, new RecordOrigin(id, map.Instrument, null, patientFields), patientCells, patientFields, problems);
            }
            rowsOut[LongFiles.Patients].Add(patientCells);
            originsOut[LongFiles.Patients].Add(patientOrigin);
            foreach (var map in mapping.Instruments.Where(i => i.Entity != LongFiles.Patients))
            {
                var instances = repeating.Contains(map.Instrument)
                    ? rows.Where(r => records.Cell(r, instrumentColumn) == map.Instrument)
                    : [main];
                foreach (var r in instances)
                {
                    var instance = repeating.Contains(map.Instrument) ? records.Cell(r, instanceColumn) : null;
                    if (map.Fields.All(f => f.Field is null || Columns(dictionary.Field(f.Field)!).All(c => IsBlank(records.Cell(r, records.IndexOf(c)), dictionary.Field(f.Field)!))))
                    {
                        continue;
                    }
                    var cells = Empty(map.Entity, id);
                    var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                    var origin = new RecordOrigin(id, map.Instrument, instance is { Length: > 0 } ? instance : repeating.Contains(map.Instrument) ? "1" : null, fields);
                    Fill(records, r, dictionary, map, origin, cells, fields, problems);
                    rowsOut[map.Entity].Add(cells);
                    originsOut[map.Entity].Add(origin);
                }
            }
        }
        return new MappedRecords(
            rowsOut.ToDictionary(p => p.Key, p => (IReadOnlyList<string[]>)p.Value),
            originsOut.ToDictionary(p => p.Key, p => (IReadOnlyList<RecordOrigin>)p.Value),
            problems,
            order.Count);
    }

    private static string[] Empty(LongFile file, string id)
    {
        var cells = new string[file.Columns.Count];
        Array.Fill(cells, "");
        cells[0] = id;
        return cells;
    }

    private static void Fill(RedcapTable records, int row, RedcapDictionary dictionary, InstrumentMap map, RecordOrigin origin,
        string[] cells, Dictionary<string, string> fields, List<string> problems)
    {
        foreach (var f in map.Fields)
        {
            var column = map.Entity.IndexOf(f.Column);
            if (f.Value is not null)
            {
                cells[column] = f.Value;
                continue;
            }
            var field = dictionary.Field(f.Field!)!;
            fields[f.Column] = field.Name;
            string raw;
            if (field.IsCheckbox)
            {
                var ticked = field.ChoiceList.Where(c => records.Cell(row, records.IndexOf(RedcapDictionary.CheckboxColumn(field.Name, c.Code))) == "1")
                    .Select(c => c.Code).ToList();
                if (ticked.Count > 1)
                {
                    problems.Add($"{origin}: field {field.Name}: {ticked.Count} boxes are checked ({string.Join(", ", ticked)}); {map.Entity.Name}.{f.Column} takes one");
                    continue;
                }
                raw = ticked.Count == 1 ? ticked[0] : "";
            }
            else
            {
                raw = records.Cell(row, records.IndexOf(field.Name));
            }
            if (raw.Length == 0)
            {
                continue;
            }
            if (f.Codes is not null)
            {
                if (!f.Codes.TryGetValue(raw, out var code))
                {
                    problems.Add($"{origin}: field {field.Name}: code {raw} is not in the mapping");
                    continue;
                }
                cells[column] = code;
                continue;
            }
            var format = f.DateFormat ?? (field.Validation.StartsWith("date", StringComparison.Ordinal) ? DateFormatOf(field.Validation) : null);
            if (format is not null && SarcRedcapProject.FieldOf(map.Entity, f.Column)?.Kind == SarcFieldKind.Date)
            {
                if (!RedcapMappingReader.TryDate(raw, format, out var date))
                {
                    problems.Add($"{origin}: field {field.Name}: '{raw}' is not a date ({format})");
                    continue;
                }
                cells[column] = Sarc.Registry.Codes.CellText.Date(date);
                continue;
            }
            cells[column] = raw;
        }
    }

    /// <summary>date_ymd, date_dmy or date_mdy of a REDCap date or datetime validation (<c>datetime_seconds_dmy</c> → <c>date_dmy</c>).</summary>
    private static string DateFormatOf(string validation) =>
        validation.EndsWith("_dmy", StringComparison.Ordinal) ? "date_dmy" : validation.EndsWith("_mdy", StringComparison.Ordinal) ? "date_mdy" : "date_ymd";

    private static IEnumerable<string> Columns(RedcapField field) =>
        field.IsCheckbox ? field.ChoiceList.Select(c => RedcapDictionary.CheckboxColumn(field.Name, c.Code)) : [field.Name];

    private static bool IsBlank(string cell, RedcapField field) => cell.Length == 0 || (field.IsCheckbox && cell == "0");
}
