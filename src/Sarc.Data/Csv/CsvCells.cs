namespace Sarc.Data.Csv;

/// <summary>What every CSV path agrees a cell means.</summary>
internal static class CsvCells
{
    private const string MissingMarker = "NA";

    /// <summary>An empty or blank cell, or <c>NA</c> (surrounding spaces allowed), as R's read.csv.</summary>
    public static bool IsMissing(ReadOnlySpan<char> cell)
    {
        var trimmed = cell.Trim();
        return trimmed.Length == 0 || trimmed.SequenceEqual(MissingMarker);
    }
}
