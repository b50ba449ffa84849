using System.Text;
using Sarc.Data.Tables;
using Sarc.Registry.Template;

namespace Sarc.Registry.Endpoints;

/// <summary>
/// An analysis dataset: named columns and one row of text cells per patient (per interval for multistate), empty =
/// missing. <see cref="Warnings"/> says, one line per reason, how many patients were left out and why (with the first
/// few ids).
/// </summary>
public sealed record EndpointTable(EndpointKind Kind, IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows, IReadOnlyList<string> Warnings)
{
    /// <summary>The position of column <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such column.</exception>
    public int IndexOf(string name) =>
        ColumnNames.IndexOf(Columns, name) is var i and >= 0 ? i : throw new ArgumentException($"No column '{name}'.", nameof(name));

    /// <summary>Writes the table as CSV (UTF-8, <c>\n</c>, quoting only where needed, formula-like text neutralised).</summary>
    public void WriteCsv(TextWriter writer)
    {
        TemplateWriter.WriteCsvLine(writer, Columns);
        foreach (var row in Rows)
        {
            TemplateWriter.WriteCsvLine(writer, row);
        }
    }

    /// <summary>Writes the table as a CSV file.</summary>
    public void WriteCsv(string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        WriteCsv(writer);
    }
}
