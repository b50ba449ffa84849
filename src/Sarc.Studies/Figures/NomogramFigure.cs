using ScottPlot;
using Sarc.Statistics.Prediction;

namespace Sarc.Studies.Figures;

/// <summary>
/// A nomogram drawn as rms's <c>plot.nomogram</c> lays it out: the points ruler on top, one axis per predictor with
/// its values at the points they are worth, the total-points ruler, the linear predictor, and the survival (or
/// cumulative incidence) at each model time placed under the total points that give it. Drawn 900 pixels wide (the
/// writer scales it to the printed width), one row per axis.
/// </summary>
/// <param name="scale">The nomogram's scales.</param>
/// <param name="title">The title over it (the model's name).</param>
/// <param name="labels">Words each predictor (null: its column name).</param>
public sealed class NomogramFigure(NomogramScaleResult scale, string title, Func<string, string>? labels = null) : IReportFigure
{
    private const double Width = 100;

    /// <summary>Writes the nomogram to <paramref name="path"/> (.svg, .png or .pdf); <paramref name="labels"/> words each predictor.</summary>
    public static void Save(NomogramScaleResult scale, string title, string path, Func<string, string>? labels = null)
    {
        FigureFile.RequireFormat(path, "figure");
        FigureWriter.SaveFile(new NomogramFigure(scale, title, labels), path, FigureOptions.Default);
    }

    /// <inheritdoc/>
    public FigureDrawing Draw(int width)
    {
        var label = labels ?? (name => name);
        var maxPoints = scale.Axes.Max(a => a.Points.Max());
        var totalMax = scale.TotalPoints.Max();
        var black = FigureStyle.TextColor;
        var color = Color.FromHex(FigureStyle.Palette[0]);
        var rows = new List<(string Name, (double X, string Label)[] Ticks, Color Color)>
        {
            ("Points", PrettyBreaks.Of(0, maxPoints, 10).Select(p => (p / maxPoints * Width, Label(p))).ToArray(), black),
        };
        foreach (var axis in scale.Axes)
        {
            rows.Add((label(axis.Name), axis.Labels.Select((text, i) => (axis.Points[i] / maxPoints * Width, text)).ToArray(), color));
        }
        rows.Add(("Total points", scale.TotalPoints.Select(p => (p / totalMax * Width, Label(p))).ToArray(), black));
        rows.Add(("Linear predictor", scale.LinearPredictor.Select((v, i) => (scale.LinearPredictorPoints[i] / totalMax * Width, Label(v))).ToArray(), black));
        foreach (var outcome in scale.Outcomes)
        {
            rows.Add((outcome.Label, outcome.Probabilities.Select((p, i) => (outcome.Points[i] / totalMax * Width, Label(p))).ToArray(), Color.FromHex(FigureStyle.Palette[1])));
        }

        // Each row's labels in tiers (above, below, then a second row of each); a second tier widens the row's gap.
        var tiers = rows.Select(r => Tiers(r.Ticks)).ToArray();
        var y = -0.4;
        var ys = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0)
            {
                y -= RowHeight + (tiers[i - 1].Contains(3) ? TierHeight : 0) + (tiers[i].Contains(2) ? TierHeight : 0);
            }
            ys[i] = y;
        }
        var bottom = ys[^1] - (tiers[^1].Contains(3) ? TierHeight : 0) - 0.6;
        var top = 1.1 + (tiers[0].Contains(2) ? TierHeight : 0);
        var plot = new Plot();
        plot.Axes.Frameless();
        plot.HideGrid();
        var labelX = -Width * 0.36;
        plot.Axes.SetLimits(labelX, Width * 1.04, bottom, top);
        KmFigure.Text(plot, title, labelX, top - 0.15, Alignment.UpperLeft, FigureStyle.FontSize, black, bold: true);
        for (var i = 0; i < rows.Count; i++)
        {
            Axis(plot, rows[i].Name, ys[i], rows[i].Ticks, tiers[i], rows[i].Color);
        }
        plot.Layout.Fixed(new PixelPadding(8, 8, 8, 8));
        return new FigureDrawing(plot, 900, (int)Math.Round(16 + PixelsPerUnit * (top - bottom)));
    }

    /// <summary>Vertical units between two axes.</summary>
    private const double RowHeight = 1;

    /// <summary>Extra vertical units for a second tier of labels.</summary>
    private const double TierHeight = 0.32;

    /// <summary>Pixels per vertical unit (a 12-pixel label is about a quarter of a unit).</summary>
    private const double PixelsPerUnit = 52;

    /// <summary>Pixels per horizontal unit: 900 pixels less the padding over the x range (the names' column and the axes).</summary>
    private const double PixelsPerUnitX = (900 - 16) / (Width * 1.04 + Width * 0.36);

    /// <summary>
    /// The tier of each tick's label, in the order of <paramref name="ticks"/>: 0 above the axis, 1 below it, 2 above
    /// tier 0, 3 below tier 1 — the first in which the label clears the previous one by a character; where none does,
    /// the tier whose last label ends furthest left.
    /// </summary>
    private static int[] Tiers((double X, string Label)[] ticks)
    {
        var order = Enumerable.Range(0, ticks.Length).OrderBy(i => ticks[i].X).ToArray();
        var lastRight = new[] { double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity };
        var tiers = new int[ticks.Length];
        foreach (var i in order)
        {
            var (x, text) = ticks[i];
            var half = (FigureText.Width(text, FigureStyle.FontSize - 2) + 8) / 2 / PixelsPerUnitX;
            var tier = Array.FindIndex(lastRight, right => x - half > right);
            if (tier < 0)
            {
                tier = Array.IndexOf(lastRight, lastRight.Min());
            }
            lastRight[tier] = x + half;
            tiers[i] = tier;
        }
        return tiers;
    }

    /// <summary>One labelled axis: a line under the ticks and each tick's label in its tier.</summary>
    private static void Axis(Plot plot, string name, double y, (double X, string Label)[] ticks, int[] tiers, Color color)
    {
        var black = FigureStyle.TextColor;
        KmFigure.Text(plot, name, -Width * 0.36, y, Alignment.MiddleLeft, FigureStyle.FontSize, black);
        if (ticks.Length == 0)
        {
            return;
        }
        var low = ticks.Min(t => t.X);
        var high = ticks.Max(t => t.X);
        KmFigure.Line(plot, low, y, high, y, color, 1.4);
        for (var i = 0; i < ticks.Length; i++)
        {
            var (x, label) = ticks[i];
            KmFigure.Line(plot, x, y, x, y + 0.12, color, 1.2);
            var (at, alignment) = tiers[i] switch
            {
                0 => (y + 0.16, Alignment.LowerCenter),
                1 => (y - 0.08, Alignment.UpperCenter),
                2 => (y + 0.16 + TierHeight, Alignment.LowerCenter),
                _ => (y - 0.08 - TierHeight, Alignment.UpperCenter),
            };
            KmFigure.Text(plot, label, x, at, alignment, FigureStyle.FontSize - 2, black);
        }
    }

    private static string Label(double value) => Math.Round(value, 10).ToString("G4", CultureInfo.InvariantCulture);
}
