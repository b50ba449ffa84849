namespace Sarc.Studies.Reports;

/// <summary>
/// A journal-style table: a header and rows of text, shown in the page and written as <c>STUDY-ANALYSIS{Suffix}.csv</c>
/// (every table of the report has its CSV).
/// </summary>
public sealed record ReportTable(string Suffix, IReadOnlyList<string> Header, IReadOnlyList<ReportRow> Rows, string Caption)
    : ReportBlock(Suffix, Caption);
