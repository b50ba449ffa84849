using Sarc.Registry.Domain;
using Sarc.Registry.LongFormat;
using Sarc.Registry.Template;
using Sarc.Registry.Validation;

namespace Sarc.Registry.Import;

/// <summary>
/// Reads one list entry given as the cells of a long-format row (a web form for a surgery, a course, a line, an event or
/// a follow-up contact), with exactly the rules and messages of a file: the row is reported as line 2 of a one-row
/// file named <c>source</c>. The entry then goes to the store as an <see cref="ImportAddition"/> (a new entry) or in a
/// changed <see cref="Domain.PatientRecord"/> (an edited or removed one, <see cref="Change"/>; the patient's own values,
/// <see cref="ChangePatient"/>), where the rules spanning the patient's rows are checked against what is stored.
/// </summary>
public static class EntryForm
{
    /// <summary>
    /// The entry of <paramref name="cells"/> (in <paramref name="file"/>'s column order, <c>patient_id</c> first), or
    /// null with every problem. Dates after <paramref name="asOf"/> are refused.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="file"/> is the patients file, or the cells do not match its columns.</exception>
    public static (object? Entry, IReadOnlyList<ImportError> Errors) Parse(LongFile file, IReadOnlyList<string> cells, DateOnly asOf, string source)
    {
        if (file == LongFiles.Patients || cells.Count != file.Columns.Count)
        {
            throw new ArgumentException($"expected the {file.Columns.Count} cells of a {file.Name} row", nameof(cells));
        }
        var table = new RawTable(source, source, [.. file.Columns], [[.. cells]], [2]);
        var parsed = LongFormatParser.Parse(source, new Dictionary<LongFile, RawTable> { [file] = table }, asOf);
        return parsed.IsValid ? (parsed.Batch.Additions[0].Entry, []) : (null, parsed.Errors);
    }

    /// <summary>
    /// <paramref name="stored"/> with entry <paramref name="index"/> (0-based, in the record's canonical order) of
    /// <paramref name="file"/>'s list replaced by the entry of <paramref name="cells"/> — or removed, when
    /// <paramref name="cells"/> is null — or null with every problem: the row's own (as <see cref="Parse"/>), then the
    /// rules spanning the patient's rows, reported at line 2 of <paramref name="source"/> (the form) since every other
    /// entry is already in the registry. A removal that leaves no primary surgery is such a problem.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="file"/> is the patients file, or the cells do not match its columns.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not an entry of the list.</exception>
    public static (PatientRecord? Record, IReadOnlyList<ImportError> Errors) Change(PatientRecord stored, LongFile file, int index, IReadOnlyList<string>? cells, DateOnly asOf, string source)
    {
        object? entry = null;
        if (cells is not null)
        {
            var (parsed, problems) = Parse(file, cells, asOf, source);
            if (parsed is null)
            {
                return (null, problems);
            }
            entry = parsed;
        }
        else if (file == LongFiles.Patients)
        {
            throw new ArgumentException("the patient's own values are changed with ChangePatient", nameof(file));
        }
        var draft = PatientDraft.Of(stored, SourceRow.Registry);
        draft.PatientRow = new SourceRow(source, 2);
        draft.PatientFile = source;
        RemoveAt(draft, file, index);
        if (entry is not null)
        {
            LongFormatParser.Add(draft, entry, new SourceRow(source, 2));
        }
        var errors = new List<ImportError>();
        return RecordRules.Check(draft, errors) ? (draft.ToRecord(), []) : (null, errors);
    }

    /// <summary>
    /// <paramref name="stored"/> with the patient's own values (a <c>patients</c> row, <paramref name="cells"/> in that
    /// file's column order; the id must stay <paramref name="stored"/>'s) replaced, every list entry kept; or null with
    /// every problem: the row's own, then the rules spanning the patient's rows (a birth date after a stored surgery),
    /// reported at line 2 of <paramref name="source"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The cells do not match the patients file's columns, or name another patient.</exception>
    public static (PatientRecord? Record, IReadOnlyList<ImportError> Errors) ChangePatient(PatientRecord stored, IReadOnlyList<string> cells, DateOnly asOf, string source)
    {
        if (cells.Count != LongFiles.Patients.Columns.Count || cells[0].Trim() != stored.Id)
        {
            throw new ArgumentException($"expected the {LongFiles.Patients.Columns.Count} cells of {stored.Id}'s patients row", nameof(cells));
        }
        var errors = new List<ImportError>();
        if (LongFormatParser.PatientOf(source, cells, asOf, errors) is not { } draft)
        {
            return (null, errors);
        }
        var entries = PatientDraft.Of(stored, SourceRow.Registry);
        draft.Surgeries.AddRange(entries.Surgeries);
        draft.Radiotherapy.AddRange(entries.Radiotherapy);
        draft.Systemic.AddRange(entries.Systemic);
        draft.Events.AddRange(entries.Events);
        draft.FollowUps.AddRange(entries.FollowUps);
        return RecordRules.Check(draft, errors) ? (draft.ToRecord(), []) : (null, errors);
    }

    private static void RemoveAt(PatientDraft draft, LongFile file, int index)
    {
        switch (file.Name)
        {
            case "surgeries": draft.Surgeries.RemoveAt(index); break;
            case "radiotherapy": draft.Radiotherapy.RemoveAt(index); break;
            case "systemic": draft.Systemic.RemoveAt(index); break;
            case "events": draft.Events.RemoveAt(index); break;
            case "followup": draft.FollowUps.RemoveAt(index); break;
            default: throw new ArgumentException($"Not a list file: {file.Name}.", nameof(file));
        }
    }
}
