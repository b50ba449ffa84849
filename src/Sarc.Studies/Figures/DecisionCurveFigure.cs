using ScottPlot;
using Sarc.Statistics.Prediction;

namespace Sarc.Studies.Figures;

/// <summary>
/// The decision curve of a model: net benefit against threshold probability for the model, treating everyone and
/// treating no one, the y axis cut below at a small negative value as Vickers draws it (treat-all falls away fast).
/// </summary>
public static class DecisionCurveFigure
{
    /// <summary>Writes the curve to <paramref name="path"/> (.svg, .png or .pdf).</summary>
    public static void Save(DecisionCurveResult curve, string modelLabel, string path)
    {
        var thresholds = curve.Points.Select(p => p.Threshold * 100).ToArray();
        var plot = new Plot();
        plot.HideGrid();
        var model = plot.Add.ScatterLine(thresholds, curve.Points.Select(p => p.NetBenefit).ToArray(), Color.FromHex(FigureStyle.Palette[0]));
        model.LineWidth = 2.2f;
        var all = plot.Add.ScatterLine(thresholds, curve.Points.Select(p => p.TreatAll).ToArray(), Color.FromHex(FigureStyle.Palette[1]));
        all.LineWidth = 1.6f;
        var none = plot.Add.Line(0, 0, 100, 0);
        none.LineColor = Color.FromHex("#444444");
        none.LineWidth = 1.6f;
        var high = Math.Max(curve.ObservedRisk, curve.Points.Select(p => p.NetBenefit).DefaultIfEmpty(0).Max());
        plot.Axes.SetLimits(0, 100, -0.05 * Math.Max(high, 0.1), Math.Max(high, 0.01) * 1.1);
        plot.XLabel("Threshold probability (%)");
        plot.YLabel($"Net benefit at {curve.Time.ToString("G6", CultureInfo.InvariantCulture)}");
        plot.Axes.Bottom.Label.FontName = plot.Axes.Left.Label.FontName = FigureStyle.FontName;
        plot.Axes.Bottom.Label.FontSize = plot.Axes.Left.Label.FontSize = FigureStyle.FontSize;
        FigureStyle.Legend(plot,
        [
            Item(modelLabel, model.LineColor, 2.2f),
            Item("Treat all", all.LineColor, 1.6f),
            Item("Treat none", none.LineColor, 1.6f),
        ], Alignment.UpperRight);
        FigureFile.Save(plot, path, 640, 460);
    }

    private static LegendItem Item(string text, Color color, float width) =>
        new() { LabelText = text, LineColor = color, LineWidth = width, MarkerShape = MarkerShape.None };
}
