using Sarc.Data.Tables;

namespace Sarc.Interop.Redcap;

/// <summary>A CSV file as read: its header, its rows (each as many cells as it held) and the line each row starts on.</summary>
public sealed record RedcapTable(string Source, IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows, IReadOnlyList<int> Lines)
{
    /// <summary>The position of <paramref name="column"/> in the header (exact), or −1.</summary>
    public int IndexOf(string column) => ColumnNames.IndexOf(Header, column);

    /// <summary>Cell <paramref name="column"/> of row <paramref name="row"/>, "" where the row is shorter, trimmed.</summary>
    public string Cell(int row, int column) => column >= 0 && column < Rows[row].Length ? Rows[row][column].Trim() : "";
}
