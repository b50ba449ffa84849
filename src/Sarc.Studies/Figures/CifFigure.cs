using System.Globalization;
using ScottPlot;
using Sarc.Studies.Analyses;
using Sarc.Studies.Json;

using Sarc.Studies.Reports;

namespace Sarc.Studies.Figures;

/// <summary>
/// Cumulative incidence curves: one step line per cause and group (colour = group, solid = cause 1, dashed = other
/// causes), Gray's p per cause on the plot, and a legend. Axes drawn in data space as in <see cref="KmFigure"/>.
/// </summary>
/// <param name="analysis">The curves and Gray's tests.</param>
/// <param name="causeNames">The causes' names by status code.</param>
/// <param name="labels">The study's labels for the groups.</param>
public sealed class CifFigure(CifAnalysis analysis, IReadOnlyDictionary<int, string> causeNames, ReportLabels labels) : IReportFigure
{
    /// <inheritdoc/>
    public FigureDrawing Draw(int width)
    {
        var result = analysis.Result;
        var maxTime = result.Curves.Max(c => c.MaxTime);
        var step = new double[] { 3, 6, 12, 24, 36, 48, 60, 120 }.FirstOrDefault(s => s >= maxTime / 6, 120);
        var xMax = Math.Ceiling(maxTime / step) * step;
        var yMax = Math.Min(1, Math.Ceiling(result.Curves.Max(c => c.Estimates.Length == 0 ? 0 : c.Estimates.Max()) * 10 + 0.5) / 10);
        var left = -xMax * 0.16;
        var plot = new Plot();
        plot.Axes.Frameless();
        plot.HideGrid();
        // Headroom above the axis holds the legend, so it never covers a curve or a tick label.
        plot.Axes.SetLimits(left, xMax * 1.03, -yMax * 0.2, yMax * (1.1 + 0.09 * result.Groups.Length * result.Causes.Length));
        var black = Color.FromHex("#222222");
        KmFigure.Line(plot, 0, 0, xMax, 0, black, 1.2);
        KmFigure.Line(plot, 0, 0, 0, yMax, black, 1.2);
        for (var x = 0.0; x <= xMax + 1e-9; x += step)
        {
            KmFigure.Line(plot, x, 0, x, -yMax * 0.012, black, 1.2);
            KmFigure.Text(plot, x.ToString("0", CultureInfo.InvariantCulture), x, -yMax * 0.03, Alignment.UpperCenter, FigureStyle.FontSize, black);
        }
        for (var y = 0.0; y <= yMax + 1e-9; y += yMax / 4)
        {
            KmFigure.Line(plot, 0, y, -xMax * 0.008, y, black, 1.2);
            KmFigure.Text(plot, y.ToString("0.00", CultureInfo.InvariantCulture), -xMax * 0.012, y, Alignment.MiddleRight, FigureStyle.FontSize, black);
        }
        KmFigure.Text(plot, "Months since surgery", xMax / 2, -yMax * 0.11, Alignment.UpperCenter, FigureStyle.FontSize, black);
        KmFigure.Text(plot, "Cumulative incidence", left + xMax * 0.03, yMax / 2, Alignment.MiddleCenter, FigureStyle.FontSize, black, rotate: true);
        var legend = new List<LegendItem>();
        foreach (var g in result.Groups)
        {
            var color = Color.FromHex(FigureStyle.Palette[g % FigureStyle.Palette.Count]);
            foreach (var cause in result.Causes)
            {
                var curve = result.Curve(g, cause);
                var xs = new double[curve.Times.Length + 1];
                var ys = new double[xs.Length];
                for (var i = 0; i < curve.Times.Length; i++)
                {
                    xs[i + 1] = curve.Times[i];
                    ys[i + 1] = curve.Estimates[i];
                }
                var line = plot.Add.ScatterLine(xs, ys, color);
                line.ConnectStyle = ConnectStyle.StepHorizontal;
                line.LineWidth = 2;
                var pattern = cause == result.Causes[0] ? LinePattern.Solid : LinePattern.Dashed;
                line.LinePattern = pattern;
                var name = causeNames.GetValueOrDefault(cause, "cause " + cause);
                var label = analysis.GroupColumn is null ? name : $"{name}, {labels.Group(analysis.GroupColumn, analysis.Levels[g])}";
                legend.Add(new LegendItem { LabelText = label, LineColor = color, LineWidth = 2.5f, LinePattern = pattern, MarkerShape = MarkerShape.None });
            }
        }
        // Incidence rises to the right, so the tests go bottom right, clear of the curves.
        var y0 = yMax * 0.03;
        foreach (var test in result.Tests.Reverse())
        {
            KmFigure.Text(plot, $"Gray's test, {causeNames.GetValueOrDefault(test.Cause, "cause " + test.Cause)}: {ReportText.PEquals(test.PValue)}", xMax, y0, Alignment.LowerRight, FigureStyle.FontSize, black);
            y0 += yMax * 0.07;
        }
        FigureStyle.Legend(plot, legend, Alignment.UpperRight);
        plot.Layout.Fixed(new PixelPadding(8, 8, 8, 8));
        return new FigureDrawing(plot, width, 520);
    }
}
