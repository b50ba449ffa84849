using ScottPlot;

namespace Sarc.Studies.Figures;

/// <summary>A laid-out figure: the plot and its size in layout pixels (the SVG's units; rasters scale it to their dpi).</summary>
public sealed record FigureDrawing(Plot Plot, int Width, int Height);
