namespace Sarc.Studies.Reports;

/// <summary>One row of a <see cref="ReportTable"/>: its cells (the first is the row's label) and how it is set.</summary>
public sealed record ReportRow(IReadOnlyList<string> Cells, RowStyle Style = RowStyle.Normal)
{
    /// <summary>A heading spanning the table (e.g. one transition of a multistate model); one cell.</summary>
    public static ReportRow Heading(string text) => new([text], RowStyle.Heading);

    /// <summary>A level under its variable (indented).</summary>
    public static ReportRow Level(IReadOnlyList<string> cells) => new(cells, RowStyle.Level);
}
