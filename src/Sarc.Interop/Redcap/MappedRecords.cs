using Sarc.Registry.LongFormat;

namespace Sarc.Interop.Redcap;

/// <summary>
/// REDCap records mapped onto the long format: per file, each row's cells in the file's column order and its
/// <see cref="RecordOrigin"/> (same index), and every record that could not be mapped (<see cref="Problems"/>,
/// one line each: <c>record 17, instrument recurrence, instance 2: field rec_type: code 9 is not in the mapping</c>).
/// </summary>
public sealed record MappedRecords(
    IReadOnlyDictionary<LongFile, IReadOnlyList<string[]>> Rows,
    IReadOnlyDictionary<LongFile, IReadOnlyList<RecordOrigin>> Origins,
    IReadOnlyList<string> Problems,
    int Records);
