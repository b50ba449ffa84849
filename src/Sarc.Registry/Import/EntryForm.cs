using Sarc.Registry.LongFormat;
using Sarc.Registry.Template;

namespace Sarc.Registry.Import;

/// <summary>
/// Reads one list entry given as the cells of a long-format row (a web form for a surgery, a course, a line, an event or
/// a follow-up contact), with exactly the rules and messages of a file: the row is reported as line 2 of a one-row
/// file named <c>source</c>. The entry then goes to the store as an <see cref="ImportAddition"/> (a new entry) or in a
/// changed <see cref="Domain.PatientRecord"/> (an edited or removed one), where the rules spanning the patient's rows
/// are checked against what is stored.
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
}
