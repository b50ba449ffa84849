namespace Sarc.Interop.Redcap;

/// <summary>
/// Where a mapped long-format row came from: a REDCap record, instrument and (for a repeating instrument) instance,
/// and the REDCap field each Sarc column was read from, so that a problem found in the row names the record again.
/// </summary>
public sealed record RecordOrigin(string RecordId, string Instrument, string? Instance, IReadOnlyDictionary<string, string> FieldOfColumn)
{
    /// <summary><c>record 17, instrument recurrence, instance 2</c> (no instance for a non-repeating instrument).</summary>
    public override string ToString() =>
        Instance is null ? $"record {RecordId}, instrument {Instrument}" : $"record {RecordId}, instrument {Instrument}, instance {Instance}";

    /// <summary><c>field rec_date</c> for a mapped column, else <c>column</c> (a constant, or a column no field fills).</summary>
    public string Name(string column) => FieldOfColumn.TryGetValue(column, out var field) ? $"field {field}" : column;
}
