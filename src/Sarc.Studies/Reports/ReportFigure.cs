using Sarc.Studies.Figures;

namespace Sarc.Studies.Reports;

/// <summary>A figure: drawn by <see cref="Figure"/>, written as <c>STUDY-ANALYSIS{Suffix}</c> in each requested format, shown as its SVG.</summary>
/// <param name="Suffix">Appended to the analysis's file name.</param>
/// <param name="Figure">Draws the figure.</param>
/// <param name="Alt">Alternative text of the image.</param>
/// <param name="Caption">Plain text under the figure.</param>
public sealed record ReportFigure(string Suffix, IReportFigure Figure, string Alt, string Caption) : ReportBlock(Suffix, Caption);
