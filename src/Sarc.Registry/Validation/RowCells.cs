using Sarc.Registry.Codes;
using Sarc.Registry.Template;

namespace Sarc.Registry.Validation;

/// <summary>
/// Reads the typed values of one row of an import file, adding one <see cref="ImportError"/> per bad cell to a shared
/// list (every problem is collected, none thrown): codes from <see cref="RegistryCodes"/>, dates <c>YYYY-MM-DD</c> not
/// after "today" (<paramref name="asOf"/>) nor after <see cref="CellText.LatestDate"/>, numbers and whole numbers in
/// range. A required cell that is empty is an error unless its whole column is missing (reported once on line 1).
/// </summary>
internal sealed class RowCells(IReadOnlyList<string> columns, IReadOnlyList<bool> required, string? file, List<ImportError> errors, DateOnly asOf)
{
    private string[] cells = [];
    private int[] map = [];

    /// <summary>The line of the row being read.</summary>
    public int Line { get; private set; }

    /// <summary>The file of the row being read (null for the flat template).</summary>
    public string? File => file;

    /// <summary>The errors found so far (shared by every row of the import).</summary>
    public List<ImportError> Errors => errors;

    /// <summary>Starts a row: <paramref name="rowCells"/> in the format's column order ("" where absent); <paramref name="columnMap"/> = file position of each column, or -1.</summary>
    public void Start(string[] rowCells, int[] columnMap, int line)
    {
        cells = rowCells;
        map = columnMap;
        Line = line;
    }

    /// <summary>The cell's text ("" when empty or its column is absent).</summary>
    public string Cell(int column) => cells[column];

    public void Error(int column, string problem) => errors.Add(new ImportError(Line, columns[column], problem, file));

    /// <summary>The text, or null (with an error when the column is required and present) when empty.</summary>
    public string? Text(int column)
    {
        var text = cells[column];
        if (text.Length > 0)
        {
            return text;
        }
        if (required[column] && map[column] >= 0)
        {
            Error(column, "required value missing");
        }
        return null;
    }

    public T? Code<T>(int column, CodeTable<T> table) where T : struct, Enum
    {
        if (Text(column) is not { } text)
        {
            return null;
        }
        if (!table.TryParse(text, out var value))
        {
            Error(column, table.NotOneOf(text));
            return null;
        }
        return value;
    }

    public bool? YesNo(int column) => Code(column, RegistryCodes.YesNo) is { } v ? v == Domain.YesNo.Yes : null;

    public DateOnly? Date(int column)
    {
        if (Text(column) is not { } text)
        {
            return null;
        }
        if (text.Length != 10 || !CellText.TryDate(text, out var date))
        {
            Error(column, $"'{text}' is not a date YYYY-MM-DD");
            return null;
        }
        if (date > CellText.LatestDate)
        {
            Error(column, $"{text} is after {CellText.Date(CellText.LatestDate)} (a typo in the year?)");
            return null;
        }
        if (date > asOf)
        {
            Error(column, $"{text} is in the future (after today, {CellText.Date(asOf)})");
            return null;
        }
        return date;
    }

    public double? Number(int column, double low, double high, bool lowInclusive, string range)
    {
        if (Text(column) is not { } text)
        {
            return null;
        }
        if (!CellText.TryNumber(text, out var value))
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

    /// <summary>A number &gt; 0.</summary>
    public double? Positive(int column) => Number(column, 0, double.PositiveInfinity, lowInclusive: false, "> 0");

    public int? Integer(int column, int low, int high)
    {
        if (Text(column) is not { } text)
        {
            return null;
        }
        if (!CellText.TryInteger(text, out var value))
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

    /// <summary>A cell as the parsers see it: trimmed, and un-escaped where an export neutralised a formula.</summary>
    public static string Clean(string raw) => SpreadsheetSafety.Unescape(raw.Trim());

    public static bool IsBlank(ReadOnlySpan<string> cells)
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
}
