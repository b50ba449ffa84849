namespace Sarc.Interop.Redcap;

/// <summary>
/// How one long-format column is filled: from REDCap field <see cref="Field"/> (for a checkbox, its one checked box),
/// its choice codes turned into Sarc codes by <see cref="Codes"/> (null: the value as it is), a date read as
/// <see cref="DateFormat"/> (<c>date_ymd</c>, <c>date_dmy</c>, <c>date_mdy</c>; null: the field's validation) — or the
/// constant <see cref="Value"/>. <see cref="Line"/> is the mapping file's line (0 for the built-in mapping).
/// </summary>
public sealed record FieldMap(string Column, string? Field, string? Value, IReadOnlyDictionary<string, string>? Codes, string? DateFormat, int Line);
