namespace Sarc.Registry.Template;

/// <summary>
/// The cells of one import file (or sheet) as text, before any validation. <c>Lines[i]</c> is the file line of
/// <c>Rows[i]</c>; <paramref name="Name"/> is how errors name it (null for the flat template, whose errors carry no
/// file name). Cells are as written; the parsers trim and un-escape them (<see cref="Codes.SpreadsheetSafety"/>).
/// </summary>
internal sealed record RawTable(string Source, string? Name, string[] Header, List<string[]> Rows, List<int> Lines);
