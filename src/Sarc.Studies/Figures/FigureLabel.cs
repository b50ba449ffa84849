using System.Runtime.CompilerServices;
using ScottPlot;

namespace Sarc.Studies.Figures;

/// <summary>
/// A text placed on a figure (in data coordinates, with its alignment and font), recorded per plot so that layout
/// tests can check that no two labels, and no label and curve, overlap.
/// </summary>
public sealed record FigureLabel(string Text, double X, double Y, Alignment Alignment, float Size, bool Bold, bool Rotated)
{
    private static readonly ConditionalWeakTable<Plot, List<FigureLabel>> Labels = [];

    /// <summary>The labels placed on <paramref name="plot"/> through <see cref="KmFigure.Text"/>, in drawing order.</summary>
    public static IReadOnlyList<FigureLabel> Of(Plot plot) => Labels.TryGetValue(plot, out var list) ? list : [];

    internal static void Record(Plot plot, FigureLabel label) => Labels.GetOrCreateValue(plot).Add(label);
}
