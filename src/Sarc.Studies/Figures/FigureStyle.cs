using ScottPlot;

namespace Sarc.Studies.Figures;

/// <summary>One palette and one set of sizes for every figure, so the report's figures look like one paper's.</summary>
public static class FigureStyle
{
    /// <summary>Okabe-Ito colours: distinguishable with colour-vision deficiency and in greyscale print.</summary>
    public static IReadOnlyList<string> Palette { get; } = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

    /// <summary>Figure width in pixels (SVG units); PNGs are rendered at this size.</summary>
    public const int Width = 760;

    /// <summary>Base font size for labels, in pixels.</summary>
    public const float FontSize = 14;

    /// <summary>The font family (a sans-serif that SkiaSharp finds on a bare Linux; SVG viewers fall back alike).</summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>The colour of axes, ticks and text: a near-black that prints softer than pure black.</summary>
    public static Color TextColor { get; } = Color.FromHex("#222222");

    /// <summary>Fill colour of the state "death" in occupancy plots: a mid grey that prints and does not dominate.</summary>
    public const string DeathColor = "#A6A6A6";

    /// <summary>
    /// Shows <paramref name="items"/> as the legend at <paramref name="alignment"/> in the report's font, without
    /// frame or shadow (a journal figure's legend is plain text on white).
    /// </summary>
    public static void Legend(Plot plot, IEnumerable<LegendItem> items, Alignment alignment)
    {
        plot.ShowLegend(items, alignment);
        plot.Legend.FontSize = FontSize;
        plot.Legend.FontName = FontName;
        plot.Legend.OutlineColor = Colors.Transparent;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.85);
        // Long enough for a dashed line to show its dashes.
        plot.Legend.SymbolWidth = 30;
    }
}
