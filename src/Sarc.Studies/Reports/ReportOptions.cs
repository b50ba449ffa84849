using Sarc.Studies.Figures;

namespace Sarc.Studies.Reports;

/// <summary>How a report is written: its figures' formats, resolution and width. Immutable.</summary>
public sealed record ReportOptions
{
    /// <summary>SVG and PNG at 300 dpi, page width.</summary>
    public static ReportOptions Default { get; } = new();

    /// <summary>Formats, dpi and width of every figure.</summary>
    public FigureOptions Figures { get; init; } = FigureOptions.Default;

    /// <summary>What produced the report (footer and results.json); null leaves both out.</summary>
    public Running.Provenance? Provenance { get; init; }
}
