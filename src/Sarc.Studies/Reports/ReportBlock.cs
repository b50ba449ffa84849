namespace Sarc.Studies.Reports;

/// <summary>One element of an analysis in the report: a <see cref="ReportTable"/>, a <see cref="ReportFigure"/> or a <see cref="ReportFile"/>.</summary>
/// <param name="Suffix">Appended to the analysis's file name (<c>STUDY-ANALYSIS{Suffix}.csv</c> / <c>.svg</c>); unique within the analysis per block type.</param>
/// <param name="Caption">Plain text under the block (encoded when rendered); it states n analysed and n excluded with the reason.</param>
public abstract record ReportBlock(string Suffix, string Caption);
