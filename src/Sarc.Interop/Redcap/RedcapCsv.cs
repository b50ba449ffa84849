using System.Text;
using Sarc.Data;

namespace Sarc.Interop.Redcap;

/// <summary>
/// CSV as REDCap reads and writes it (RFC 4180: comma, double quotes doubled inside quoted cells, cells may hold line
/// breaks; a leading UTF-8 byte-order mark is ignored). Every row keeps the line its record starts on, for messages.
/// </summary>
public static class RedcapCsv
{
    /// <summary>Reads a whole CSV text: the first row is the header.</summary>
    /// <exception cref="DataInputException">The text is empty or has a quote that never closes (naming <paramref name="source"/> and the line).</exception>
    public static RedcapTable Read(string text, string source)
    {
        var rows = new List<string[]>();
        var lines = new List<int>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var quoted = false;
        var any = false;
        void EndRow()
        {
            cells.Add(cell.ToString());
            cell.Clear();
            if (cells.Count > 1 || cells[0].Length > 0)
            {
                rows.Add([.. cells]);
                lines.Add(rowLine);
            }
            cells.Clear();
            any = false;
        }
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }
                    cell.Append(c);
                }
                continue;
            }
            if (!any)
            {
                rowLine = line;
                any = true;
            }
            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r':
                    EndRow();
                    line++;
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }
        if (quoted)
        {
            throw new DataInputException($"{source}:line {rowLine}: a quoted cell is never closed");
        }
        if (any)
        {
            EndRow();
        }
        if (rows.Count == 0)
        {
            throw new DataInputException($"{source}: the file is empty; expected a header row");
        }
        return new RedcapTable(source, rows[0], rows[1..], lines[1..]);
    }

    /// <summary>Writes one row, quoting a cell only where it holds a comma, a quote or a line break.</summary>
    public static void WriteLine(TextWriter writer, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }
            var cell = cells[i];
            if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0)
            {
                writer.Write(cell);
            }
            else
            {
                writer.Write('"');
                writer.Write(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
        }
        writer.Write('\n');
    }
}
