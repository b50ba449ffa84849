namespace Sarc.Studies.Figures;

/// <summary>
/// How figures are written: the formats (default SVG and PNG), the raster resolution (default 300 dpi) and the printed
/// width (default the page width, 175 mm). Immutable.
/// </summary>
public sealed record FigureOptions
{
    /// <summary>SVG and PNG at 300 dpi, 175 mm wide.</summary>
    public static FigureOptions Default { get; } = new();

    /// <summary>The formats written, in this order (the report shows the SVG; at least one format).</summary>
    public IReadOnlyList<FigureFormat> Formats { get; init; } = [FigureFormat.Svg, FigureFormat.Png];

    /// <summary>Raster resolution in dots per inch, 72 to 2400.</summary>
    public int Dpi { get; init; } = 300;

    /// <summary>The printed width.</summary>
    public FigureWidth Width { get; init; } = FigureWidth.Double;

    /// <summary>The printed width in millimetres.</summary>
    public double WidthMillimetres => Width == FigureWidth.Single ? 85 : 175;

    /// <summary>The layout width in pixels the figures are drawn for (fonts are 14 px: about 7 pt single, 9 pt double).</summary>
    public int LayoutWidth => Width == FigureWidth.Single ? 480 : 760;
}
