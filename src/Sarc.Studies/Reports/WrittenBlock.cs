namespace Sarc.Studies.Reports;

/// <summary>A table or figure of the report with the files written for it (a table's CSV; a figure's SVG first, then its other formats).</summary>
public sealed record WrittenBlock(ReportBlock Block, IReadOnlyList<string> Files);
