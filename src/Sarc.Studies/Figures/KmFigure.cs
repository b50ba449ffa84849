using System.Globalization;
using ScottPlot;
using Sarc.Studies.Analyses;
using Sarc.Studies.Json;

using Sarc.Studies.Reports;

namespace Sarc.Studies.Figures;

/// <summary>
/// The journal Kaplan-Meier figure: step curves with censoring marks and shaded confidence bands, the log-rank p on the
/// plot, a legend, and the numbers at risk under the x axis aligned to its ticks. The axes are drawn in data space so
/// the risk table sits exactly under the ticks in both SVG and PNG.
/// </summary>
/// <param name="analysis">The curves, their risk sets and the log-rank test.</param>
/// <param name="endpointLabel">The y axis title (the endpoint's name).</param>
/// <param name="origin">What time counts from, for the x axis title ("surgery").</param>
/// <param name="labels">The study's labels for the groups.</param>
public sealed class KmFigure(KmAnalysis analysis, string endpointLabel, string origin, ReportLabels labels) : IReportFigure
{
    /// <inheritdoc/>
    public FigureDrawing Draw(int width)
    {
        var groups = analysis.Curves.Count;
        var maxTime = analysis.Curves.Max(c => c.Time.Length == 0 ? 0 : c.Time[^1]);
        var step = NiceStep(maxTime / 6);
        var xMax = Math.Ceiling(maxTime / step) * step;
        var ticks = Enumerable.Range(0, (int)Math.Round(xMax / step) + 1).Select(i => i * step).ToArray();

        // Vertical layout in data units: curves in [0, 1]; x tick labels, axis title, then one risk-table row per group.
        const double rowHeight = 0.075;
        var tickLabelY = -0.035;
        var axisTitleY = -0.105;
        var riskTitleY = -0.19;
        var firstRowY = riskTitleY - rowHeight;
        var yMin = firstRowY - rowHeight * groups;
        var left = -xMax * 0.2;

        var plot = new Plot();
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Axes.SetLimits(left, xMax * 1.03, yMin, 1.06);
        var black = Color.FromHex("#222222");

        Line(plot, 0, 0, xMax, 0, black, 1.2);
        Line(plot, 0, 0, 0, 1, black, 1.2);
        foreach (var x in ticks)
        {
            Line(plot, x, 0, x, -0.012, black, 1.2);
            Text(plot, Format(x), x, tickLabelY, Alignment.UpperCenter, FigureStyle.FontSize, black);
        }
        foreach (var y in new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })
        {
            Line(plot, 0, y, -xMax * 0.008, y, black, 1.2);
            Text(plot, y.ToString("0.00", CultureInfo.InvariantCulture), -xMax * 0.012, y, Alignment.MiddleRight, FigureStyle.FontSize, black);
        }
        Text(plot, "Months since " + origin,
            xMax / 2, axisTitleY, Alignment.UpperCenter, FigureStyle.FontSize, black);
        Text(plot, endpointLabel, left + xMax * 0.02, 0.5, Alignment.MiddleCenter, FigureStyle.FontSize, black, rotate: true);
        // The rows are labelled by level only, so the title names the grouping they belong to.
        Text(plot, analysis.GroupColumn is null ? "Number at risk" : $"Number at risk by {labels.Name(analysis.GroupColumn)}", left + xMax * 0.005, riskTitleY, Alignment.MiddleLeft, FigureStyle.FontSize, black, bold: true);

        var legend = new List<LegendItem>();
        for (var g = 0; g < groups; g++)
        {
            var curve = analysis.Curves[g];
            var color = Color.FromHex(FigureStyle.Palette[g % FigureStyle.Palette.Count]);
            var name = analysis.GroupColumn is null ? "All patients" : labels.Group(analysis.GroupColumn, analysis.Levels[g]);
            // Step function from (0, 1): prepend the origin so the first drop is drawn.
            var xs = new double[curve.Time.Length + 1];
            var ys = new double[xs.Length];
            var lo = new double[xs.Length];
            var hi = new double[xs.Length];
            ys[0] = lo[0] = hi[0] = 1;
            for (var i = 0; i < curve.Time.Length; i++)
            {
                xs[i + 1] = curve.Time[i];
                ys[i + 1] = curve.Survival[i];
                lo[i + 1] = double.IsNaN(curve.Lower[i]) ? ys[i + 1] : curve.Lower[i];
                hi[i + 1] = double.IsNaN(curve.Upper[i]) ? ys[i + 1] : curve.Upper[i];
            }
            var (bx, blo, bhi) = Steps(xs, lo, hi);
            var band = plot.Add.FillY(bx, bhi, blo);
            band.FillColor = color.WithAlpha(0.13);
            band.LineWidth = 0;
            var line = plot.Add.ScatterLine(xs, ys, color);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 2;
            var cx = new List<double>();
            var cy = new List<double>();
            for (var i = 0; i < curve.Time.Length; i++)
            {
                if (curve.Censored[i] > 0)
                {
                    cx.Add(curve.Time[i]);
                    cy.Add(curve.Survival[i]);
                }
            }
            if (cx.Count > 0)
            {
                var marks = plot.Add.Markers(cx.ToArray(), cy.ToArray(), MarkerShape.VerticalBar, 8, color);
                marks.MarkerLineWidth = 1.3f;
            }
            legend.Add(new LegendItem { LabelText = name, LineColor = color, LineWidth = 2.5f, MarkerShape = MarkerShape.None });

            var rowY = firstRowY - rowHeight * g;
            Text(plot, analysis.GroupColumn is null ? "All" : labels.Level(analysis.GroupColumn, analysis.Levels[g]), left + xMax * 0.005, rowY, Alignment.MiddleLeft, FigureStyle.FontSize - 1, color, bold: true);
            foreach (var x in ticks)
            {
                Text(plot, AtRisk(curve, x).ToString(CultureInfo.InvariantCulture), x, rowY, Alignment.MiddleCenter, FigureStyle.FontSize - 1, color);
            }
        }
        if (analysis.LogRank is { } test)
        {
            Text(plot, "Log-rank " + ReportText.PEquals(test.PValue), xMax * 0.03, 0.06, Alignment.LowerLeft, FigureStyle.FontSize, black);
        }
        FigureStyle.Legend(plot, legend, Alignment.UpperRight);

        var height = (int)(430 + 30 * groups);
        plot.Layout.Fixed(new PixelPadding(8, 8, 8, 8));
        return new FigureDrawing(plot, width, height);
    }

    /// <summary>Numbers at risk at <paramref name="time"/>: patients whose time is &gt;= it, as R's summary(fit, times).</summary>
    public static int AtRisk(Sarc.Statistics.Survival.KaplanMeierCurve curve, double time)
    {
        for (var i = 0; i < curve.Time.Length; i++)
        {
            if (curve.Time[i] >= time)
            {
                return curve.AtRisk[i];
            }
        }
        return 0;
    }

    private static (double[] X, double[] Lo, double[] Hi) Steps(double[] xs, double[] lo, double[] hi)
    {
        var n = xs.Length;
        var x = new double[2 * n - 1];
        var l = new double[x.Length];
        var h = new double[x.Length];
        for (var i = 0; i < n; i++)
        {
            x[2 * i] = xs[i];
            l[2 * i] = lo[i];
            h[2 * i] = hi[i];
            if (i + 1 < n)
            {
                x[2 * i + 1] = xs[i + 1];
                l[2 * i + 1] = lo[i];
                h[2 * i + 1] = hi[i];
            }
        }
        return (x, l, h);
    }

    private static double NiceStep(double raw)
    {
        foreach (var s in new double[] { 3, 6, 12, 24, 36, 48, 60, 120 })
        {
            if (s >= raw)
            {
                return s;
            }
        }
        return 120;
    }

    private static string Format(double x) => x.ToString("0", CultureInfo.InvariantCulture);

    internal static void Line(Plot plot, double x1, double y1, double x2, double y2, Color color, double width)
    {
        var line = plot.Add.Line(x1, y1, x2, y2);
        line.LineColor = color;
        line.LineWidth = (float)width;
    }

    internal static void Text(Plot plot, string text, double x, double y, Alignment alignment, float size, Color color, bool bold = false, bool rotate = false)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelAlignment = alignment;
        label.LabelFontSize = size;
        label.LabelFontColor = color;
        label.LabelFontName = FigureStyle.FontName;
        label.LabelBold = bold;
        if (rotate)
        {
            label.LabelRotation = -90;
        }
    }
}
