namespace Sarc.Registry.Codes;

/// <summary>
/// Neutralises spreadsheet formula injection in exported cells, reversibly: a cell that a spreadsheet would run as a
/// formula (it starts with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c>, and is not a plain number) is written with a
/// leading <c>'</c>, as spreadsheets mark text themselves; a cell already starting with <c>'</c> gets one more, so the
/// import's <see cref="Unescape"/> gives every value back unchanged and round trips stay byte-identical.
/// </summary>
public static class SpreadsheetSafety
{
    /// <summary>The cell as written to a CSV or XLSX export.</summary>
    public static string Escape(string cell)
    {
        if (cell.Length == 0 || !IsTrigger(cell[0]))
        {
            return cell;
        }
        if (cell[0] is '+' or '-' && CellText.TryNumber(cell, out _))
        {
            return cell;
        }
        return "'" + cell;
    }

    /// <summary>
    /// The value of an imported cell: one leading <c>'</c> is dropped when a formula character or another <c>'</c>
    /// follows (what <see cref="Escape"/> adds, and what a spreadsheet user types to enter such text).
    /// </summary>
    public static string Unescape(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && IsTrigger(cell[1]) ? cell[1..] : cell;

    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\'';
}
