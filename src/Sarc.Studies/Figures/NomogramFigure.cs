using System.Globalization;
using ScottPlot;
using Sarc.Statistics.Prediction;

namespace Sarc.Studies.Figures;

/// <summary>
/// A nomogram drawn as rms's <c>plot.nomogram</c> lays it out: the points ruler on top, one axis per predictor with
/// its values at the points they are worth, the total-points ruler, the linear predictor, and the survival (or
/// cumulative incidence) at each model time placed under the total points that give it.
/// </summary>
public static class NomogramFigure
{
    private const double Width = 100;
    private const double RowHeight = 1;

    /// <summary>Writes the nomogram to <paramref name="path"/> (.svg, .png or .pdf); <paramref name="labels"/> words each predictor.</summary>
    public static void Save(NomogramScaleResult scale, string title, string path, Func<string, string>? labels = null)
    {
        labels ??= name => name;
        var maxPoints = scale.Axes.Max(a => a.Points.Max());
        var totalMax = scale.TotalPoints.Max();
        var rows = 1 + scale.Axes.Count + 2 + scale.Outcomes.Count;
        var plot = new Plot();
        plot.Axes.Frameless();
        plot.HideGrid();
        var labelX = -Width * 0.36;
        plot.Axes.SetLimits(labelX, Width * 1.04, -rows * RowHeight - 0.2, 1.1);
        var black = Color.FromHex("#222222");
        var color = Color.FromHex(FigureStyle.Palette[0]);
        KmFigure.Text(plot, title, labelX, 0.95, Alignment.UpperLeft, FigureStyle.FontSize, black, bold: true);

        var y = -0.4;
        var pointTicks = PrettyBreaks.Of(0, maxPoints, 10);
        Axis(plot, "Points", y, pointTicks.Select(p => (p / maxPoints * Width, Label(p))).ToArray(), black);
        foreach (var axis in scale.Axes)
        {
            y -= RowHeight;
            var ticks = axis.Labels.Select((label, i) => (axis.Points[i] / maxPoints * Width, label)).ToArray();
            Axis(plot, labels(axis.Name), y, ticks, color);
        }
        y -= RowHeight;
        Axis(plot, "Total points", y, scale.TotalPoints.Select(p => (p / totalMax * Width, Label(p))).ToArray(), black);
        y -= RowHeight;
        var lp = scale.LinearPredictor.Select((v, i) => (scale.LinearPredictorPoints[i] / totalMax * Width, Label(v))).ToArray();
        Axis(plot, "Linear predictor", y, lp, black);
        foreach (var outcome in scale.Outcomes)
        {
            y -= RowHeight;
            var ticks = outcome.Probabilities.Select((p, i) => (outcome.Points[i] / totalMax * Width, Label(p))).ToArray();
            Axis(plot, outcome.Label, y, ticks, Color.FromHex(FigureStyle.Palette[1]));
        }
        plot.Layout.Fixed(new PixelPadding(8, 8, 8, 8));
        FigureFile.Save(plot, path, 900, 70 + 52 * rows);
    }

    /// <summary>One labelled axis: a line under the ticks, each tick's label above it (alternating below where labels would touch).</summary>
    private static void Axis(Plot plot, string name, double y, (double X, string Label)[] ticks, Color color)
    {
        var black = Color.FromHex("#222222");
        KmFigure.Text(plot, name, -Width * 0.36, y, Alignment.MiddleLeft, FigureStyle.FontSize, black);
        if (ticks.Length == 0)
        {
            return;
        }
        var low = ticks.Min(t => t.X);
        var high = ticks.Max(t => t.X);
        KmFigure.Line(plot, low, y, high, y, color, 1.4);
        var lastAbove = double.NegativeInfinity;
        foreach (var (x, label) in ticks.OrderBy(t => t.X))
        {
            KmFigure.Line(plot, x, y, x, y + 0.12, color, 1.2);
            // About 1.1 units of x per character at this width: a label that would overlap the last one goes below.
            var above = x - lastAbove > 1.1 * (label.Length + 1);
            KmFigure.Text(plot, label, x, above ? y + 0.16 : y - 0.08, above ? Alignment.LowerCenter : Alignment.UpperCenter, FigureStyle.FontSize - 2, black);
            if (above)
            {
                lastAbove = x;
            }
        }
    }

    private static string Label(double value) => Math.Round(value, 10).ToString("G4", CultureInfo.InvariantCulture);
}
