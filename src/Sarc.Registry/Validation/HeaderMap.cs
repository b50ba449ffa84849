using Sarc.Data.Tables;
using Sarc.Registry.Template;

namespace Sarc.Registry.Validation;

/// <summary>Maps a file's header onto a format's columns, reporting every problem on line 1.</summary>
internal static class HeaderMap
{
    /// <summary>
    /// For each of <paramref name="columns"/> its position in <paramref name="header"/>, or -1. A header name that is not
    /// a column (<paramref name="notAColumn"/> is the problem text, e.g. "not a template column"), an empty name, a
    /// column given twice and a required column missing are each an error.
    /// </summary>
    public static int[] Map(string[] header, IReadOnlyList<string> columns, IReadOnlyList<bool> required, string? file, string notAColumn, List<ImportError> errors)
    {
        var map = new int[columns.Count];
        Array.Fill(map, -1);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i];
            var index = ColumnNames.IndexOf(columns, name);
            if (index < 0)
            {
                var hint = ColumnNames.IndexOf(columns, name.ToLowerInvariant()) >= 0 ? $" (did you mean '{name.ToLowerInvariant()}'?)" : "";
                errors.Add(new ImportError(1, name.Length == 0 ? $"(column {i + 1})" : name,
                    name.Length == 0 ? "empty column name" : notAColumn + hint, file));
            }
            else if (map[index] >= 0)
            {
                errors.Add(new ImportError(1, name, $"appears twice (columns {map[index] + 1} and {i + 1})", file));
            }
            else
            {
                map[index] = i;
            }
        }
        for (var c = 0; c < columns.Count; c++)
        {
            if (required[c] && map[c] < 0)
            {
                errors.Add(new ImportError(1, columns[c], "required column missing", file));
            }
        }
        return map;
    }

    /// <summary>
    /// The row's cells in column order (cleaned, "" where the column is absent), or null after an error when the row
    /// has fewer or more cells than the header (a short row would silently lose its last values).
    /// </summary>
    public static string[]? Cells(string[] raw, int headerLength, int[] map, int line, string? file, List<ImportError> errors)
    {
        if (raw.Length != headerLength && !(raw.Length > headerLength && RowCells.IsBlank(raw.AsSpan(headerLength))))
        {
            errors.Add(new ImportError(line, "(row)", $"{raw.Length} cells but the header has {headerLength}", file));
            return null;
        }
        var cells = new string[map.Length];
        for (var c = 0; c < map.Length; c++)
        {
            cells[c] = map[c] >= 0 ? RowCells.Clean(raw[map[c]]) : "";
        }
        return cells;
    }
}
