using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Sarc.Registry.Audit;
using Sarc.Registry.Domain;
using Sarc.Registry.LongFormat;

namespace Sarc.Registry.Storage;

/// <summary>
/// What changed between two versions of a patient, as audit records, in the long format's terms: one update per
/// changed value of the patient's own row (entity <c>patient</c>, <c>tumor</c> or <c>comorbidity</c>); for each list,
/// entries present in both are unchanged, an entry whose date and kind stayed but whose other values changed is one
/// update per changed value (with <see cref="AuditChange.Item"/> naming the entry), and the rest are whole-entry inserts
/// and deletes (the entry as a JSON object of its non-empty cells). Also the JSON of a whole record, for inserts and
/// deletes of a patient.
/// </summary>
internal static class RecordDiff
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static readonly (LongFile File, string Entity, int Date, int Kind)[] Lists =
    [
        (LongFiles.Surgeries, "surgery", 1, 2),
        (LongFiles.Radiotherapy, "radiotherapy", 5, 1),
        (LongFiles.Systemic, "systemic", 3, 2),
        (LongFiles.Events, "event", 1, 2),
        (LongFiles.FollowUp, "followup", 1, -1),
    ];

    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/>; empty when they are the same.</summary>
    public static List<AuditChange> Between(PatientRecord before, PatientRecord after)
    {
        var changes = new List<AuditChange>();
        var oldCells = LongFormatWriter.PatientCells(before);
        var newCells = LongFormatWriter.PatientCells(after);
        var columns = LongFiles.Patients.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            if (!string.Equals(oldCells[c], newCells[c], StringComparison.Ordinal))
            {
                changes.Add(new AuditChange(AuditAction.Update, PatientEntity(columns[c]), columns[c], null, Null(oldCells[c]), Null(newCells[c])));
            }
        }
        foreach (var (file, entity, date, kind) in Lists)
        {
            ListChanges(file, entity, date, kind, [.. LongFormatWriter.RowsOf(before, file)], [.. LongFormatWriter.RowsOf(after, file)], changes);
        }
        return changes;
    }

    /// <summary>The whole record: the patient's non-empty cells, then each non-empty list as an array of its entries.</summary>
    public static string Json(PatientRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            WriteCells(writer, LongFiles.Patients.Columns, LongFormatWriter.PatientCells(record), 0);
            foreach (var (file, _, _, _) in Lists)
            {
                var rows = LongFormatWriter.RowsOf(record, file).ToList();
                if (rows.Count == 0)
                {
                    continue;
                }
                writer.WriteStartArray(file.Name);
                foreach (var row in rows)
                {
                    writer.WriteStartObject();
                    WriteCells(writer, file.Columns, row, 1);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void ListChanges(LongFile file, string entity, int dateColumn, int kindColumn, List<string[]> before, List<string[]> after, List<AuditChange> changes)
    {
        // Unchanged entries (the same cells on both sides) leave nothing to audit.
        for (var i = before.Count - 1; i >= 0; i--)
        {
            var match = after.FindIndex(a => a.AsSpan().SequenceEqual(before[i]));
            if (match >= 0)
            {
                before.RemoveAt(i);
                after.RemoveAt(match);
            }
        }
        string Key(string[] row) => kindColumn < 0 ? row[dateColumn] : $"{row[dateColumn]} {row[kindColumn]}".Trim();
        foreach (var old in before)
        {
            var key = Key(old);
            var match = after.FindIndex(a => Key(a) == key);
            if (match < 0)
            {
                changes.Add(new AuditChange(AuditAction.Delete, entity, null, Item(key), EntryJson(file, old), null));
                continue;
            }
            var updated = after[match];
            after.RemoveAt(match);
            for (var c = 1; c < old.Length; c++)
            {
                if (!string.Equals(old[c], updated[c], StringComparison.Ordinal))
                {
                    changes.Add(new AuditChange(AuditAction.Update, entity, file.Columns[c], Item(key), Null(old[c]), Null(updated[c])));
                }
            }
        }
        foreach (var added in after)
        {
            changes.Add(new AuditChange(AuditAction.Insert, entity, null, Item(Key(added)), null, EntryJson(file, added)));
        }
    }

    private static string EntryJson(LongFile file, string[] row)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            WriteCells(writer, file.Columns, row, 1);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteCells(Utf8JsonWriter writer, IReadOnlyList<string> columns, string[] cells, int from)
    {
        for (var c = from; c < cells.Length; c++)
        {
            if (cells[c].Length > 0)
            {
                writer.WriteString(columns[c], cells[c]);
            }
        }
    }

    private static string PatientEntity(string column) => column switch
    {
        "patient_id" or "center" or "sex" or "birth_date" => "patient",
        "smoking" or "bmi" or "charlson" => "comorbidity",
        _ => "tumor",
    };

    private static string? Item(string key) => key.Length == 0 ? null : key;

    private static string? Null(string cell) => cell.Length == 0 ? null : cell;
}
