using Sarc.Studies.Prediction;
using ScottPlot;

namespace Sarc.Studies.Figures;

/// <summary>
/// The calibration plot of a model at one time: mean predicted against observed risk in deciles of predicted risk
/// (points with 95 % intervals), the smooth calibration curve, and the diagonal of perfect calibration, with the
/// calibration slope, O/E and AUC in the corner. Drawn at a fixed layout of 560 × 520 pixels (a square plot), which
/// the writer scales to the printed width.
/// </summary>
/// <param name="result">The validation (its slope is printed).</param>
/// <param name="at">The time whose calibration is drawn.</param>
public sealed class CalibrationFigure(ModelValidationResult result, ModelValidationAtTime at) : IReportFigure
{
    /// <summary>Writes the plot of <paramref name="at"/> to <paramref name="path"/> (.svg, .png or .pdf).</summary>
    public static void Save(ModelValidationResult result, ModelValidationAtTime at, string path)
    {
        FigureFile.RequireFormat(path, "figure");
        FigureWriter.SaveFile(new CalibrationFigure(result, at), path, FigureOptions.Default);
    }

    /// <inheritdoc/>
    public FigureDrawing Draw(int width)
    {
        var groups = at.Groups;
        var top = new[] { 0.05 }
            .Concat(groups.Select(g => g.Predicted)).Concat(groups.Select(g => g.Observed.Upper))
            .Concat(at.Smooth?.Observed ?? []).Concat(at.Smooth?.Predicted ?? [])
            .Where(double.IsFinite).Max();
        var limit = Math.Min(1, Math.Ceiling(top * 10 * 1.05) / 10);
        var plot = new Plot();
        plot.HideGrid();
        var black = FigureStyle.TextColor;
        var diagonal = plot.Add.Line(0, 0, limit, limit);
        diagonal.LineColor = Color.FromHex("#888888");
        diagonal.LinePattern = LinePattern.Dashed;
        var color = Color.FromHex(FigureStyle.Palette[0]);
        var smoothColor = Color.FromHex(FigureStyle.Palette[1]);
        var legend = new List<LegendItem> { new() { LabelText = "Perfect calibration", LineColor = Color.FromHex("#888888"), LinePattern = LinePattern.Dashed, LineWidth = 1.5f, MarkerShape = MarkerShape.None } };
        if (at.Smooth is { } smooth)
        {
            var curve = plot.Add.ScatterLine(smooth.Predicted, smooth.Observed, smoothColor);
            curve.LineWidth = 2;
            legend.Add(new LegendItem { LabelText = "Smooth calibration", LineColor = smoothColor, LineWidth = 2, MarkerShape = MarkerShape.None });
        }
        foreach (var g in groups.Where(g => double.IsFinite(g.Observed.Lower) && double.IsFinite(g.Observed.Upper)))
        {
            KmFigure.Line(plot, g.Predicted, g.Observed.Lower, g.Predicted, g.Observed.Upper, color, 1.3);
        }
        plot.Add.Markers(groups.Select(g => g.Predicted).ToArray(), groups.Select(g => g.Observed.Risk).ToArray(), MarkerShape.FilledCircle, 8, color);
        legend.Add(new LegendItem { LabelText = "Deciles (95% CI)", MarkerShape = MarkerShape.FilledCircle, MarkerFillColor = color, MarkerLineColor = color, MarkerSize = 8, LineWidth = 0 });
        plot.Axes.SetLimits(0, limit, 0, limit);
        plot.XLabel($"Predicted risk at {Format(at.Time)}");
        plot.YLabel($"Observed risk at {Format(at.Time)}");
        plot.Axes.Bottom.Label.FontName = plot.Axes.Left.Label.FontName = FigureStyle.FontName;
        plot.Axes.Bottom.Label.FontSize = plot.Axes.Left.Label.FontSize = FigureStyle.FontSize;
        plot.Axes.Bottom.TickLabelStyle.FontSize = plot.Axes.Left.TickLabelStyle.FontSize = FigureStyle.FontSize - 1;
        var summary = $"Slope {result.Slope.Estimate.ToString("0.00", CultureInfo.InvariantCulture)}, O/E {at.InTheLarge.Ratio.ToString("0.00", CultureInfo.InvariantCulture)}, AUC {at.Accuracy.Auc.ToString("0.00", CultureInfo.InvariantCulture)}";
        KmFigure.Text(plot, summary, limit * 0.97, limit * 0.03, Alignment.LowerRight, FigureStyle.FontSize, black);
        FigureStyle.Legend(plot, legend, Alignment.UpperLeft);
        return new FigureDrawing(plot, 560, 520);
    }

    private static string Format(double value) => ReportText.Number(value, 6);
}
