using ScottPlot;

namespace Sarc.Studies.Figures;

/// <summary>
/// The journal Kaplan-Meier figure: step curves with censoring marks and shaded confidence bands; above the plot a
/// legend and the test's p (never on the curves); under it the numbers at risk, aligned to the x ticks, each row
/// labelled at the left of the plot area (never over the first column of numbers). The x axis stops where fewer than
/// 10% of the largest group remain at risk, or at the analysis's <c>max_time</c>. Drawn in layout pixels (data
/// coordinates = pixels from the top left, y negative downwards), so text never moves relative to the curves.
/// </summary>
/// <param name="analysis">The curves, their risk sets and the test.</param>
/// <param name="endpointLabel">The y axis title (the endpoint's name).</param>
/// <param name="timeAxis">The x axis title ("Months since surgery").</param>
/// <param name="labels">The study's labels for the groups.</param>
/// <param name="maxTime">Where the x axis ends, in months; null for the 10% rule.</param>
public sealed class KmFigure(KmAnalysis analysis, string endpointLabel, string timeAxis, ReportLabels labels, double? maxTime = null) : IReportFigure
{
    private const float Font = TimeAxes.Font;
    private const float Small = TimeAxes.Small;
    private const int RowHeight = TimeAxes.RowHeight;
    private static readonly Color Black = FigureStyle.TextColor;

    /// <inheritdoc/>
    public FigureDrawing Draw(int width)
    {
        var groups = analysis.Curves.Count;
        var grouped = analysis.GroupColumn is not null;
        var names = Enumerable.Range(0, groups).Select(g => grouped ? labels.Group(analysis.GroupColumn!, analysis.Levels[g]) : "All patients").ToArray();
        var rowLabels = Enumerable.Range(0, groups).Select(g => grouped ? labels.Level(analysis.GroupColumn!, analysis.Levels[g]) : "All").ToArray();
        var end = maxTime ?? AxisEnd();
        var step = NiceStep(end / 6);
        var xMax = maxTime ?? Math.Max(step, Math.Ceiling(end / step - 1e-9) * step);
        var ticks = Enumerable.Range(0, (int)Math.Floor(xMax / step + 1e-9) + 1).Select(i => i * step).ToArray();

        // Horizontal layout (pixels from the left of the content box).
        var content = width - 16;
        var yTickWidth = FigureText.Width("0.00", Font);
        var labelWidth = rowLabels.Max(l => FigureText.Width(l, Small, bold: true));
        var plotLeft = Math.Max(22 + 8 + yTickWidth + 10, labelWidth + 18);
        var plotRight = content - FigureText.Width(Format(xMax), Font) / 2 - 2;
        var plotWidth = plotRight - plotLeft;

        // Vertical layout: legend (and the test) above the plot, ticks, axis title, then the risk table.
        var test = TestLabel();
        var legendWidth = names.Max(n => 36 + FigureText.Width(n, Font));
        var testOwnLine = test is not null && legendWidth + 24 + FigureText.Width(test, Font) > plotWidth;
        var legendLines = groups + (testOwnLine ? 1 : 0);
        var (plotTop, plotHeight, riskTitleY, height) = TimeAxes.Layout(width, legendLines, 0.40, groups);

        double X(double t) => plotLeft + t / xMax * plotWidth;
        double Y(double s) => -(plotTop + (1 - s) * plotHeight);

        var plot = TimeAxes.Canvas(content, height);

        TimeAxes.Draw(plot, X, Y, ticks, [0.0, 0.25, 0.5, 0.75, 1.0], timeAxis, endpointLabel);
        TimeAxes.RiskTable(plot, grouped ? $"Number at risk by {labels.Name(analysis.GroupColumn!)}" : "Number at risk", riskTitleY, rowLabels, X, ticks, analysis.AtRisk, RowHeight);
        if (test is not null)
        {
            // Right of the first legend line, or on a line of its own under the legend when they would meet.
            Text(plot, test, testOwnLine ? plotLeft : plotRight, testOwnLine ? -(4 + groups * RowHeight + RowHeight / 2.0) : -(4 + RowHeight / 2.0),
                testOwnLine ? Alignment.MiddleLeft : Alignment.MiddleRight, Font, Black);
        }

        for (var g = 0; g < groups; g++)
        {
            var curve = analysis.Curves[g];
            var color = Color.FromHex(FigureStyle.Palette[g % FigureStyle.Palette.Count]);
            // Step function from (0, 1), cut at the axis end.
            var xs = new List<double> { X(0) };
            var ys = new List<double> { Y(1) };
            var lo = new List<double> { Y(1) };
            var hi = new List<double> { Y(1) };
            var cx = new List<double>();
            var cy = new List<double>();
            for (var i = 0; i < curve.Time.Length && curve.Time[i] <= xMax; i++)
            {
                var s = curve.Survival[i];
                xs.Add(X(curve.Time[i]));
                ys.Add(Y(s));
                lo.Add(Y(double.IsNaN(curve.Lower[i]) ? s : curve.Lower[i]));
                hi.Add(Y(double.IsNaN(curve.Upper[i]) ? s : curve.Upper[i]));
                if (curve.Censored[i] > 0)
                {
                    cx.Add(X(curve.Time[i]));
                    cy.Add(Y(s));
                }
            }
            var last = curve.Time.Length == 0 ? 0 : Math.Min(curve.Time[^1], xMax);
            if (xs[^1] < X(last))
            {
                xs.Add(X(last));
                ys.Add(ys[^1]);
                lo.Add(lo[^1]);
                hi.Add(hi[^1]);
            }
            TimeAxes.StepCurve(plot, xs, ys, (lo, hi), color, LinePattern.Solid);
            if (cx.Count > 0)
            {
                var marks = plot.Add.Markers(cx.ToArray(), cy.ToArray(), MarkerShape.VerticalBar, 8, color);
                marks.MarkerLineWidth = 1.3f;
            }

            // Legend entry above the plot, and the risk-table row.
            var legendY = -(4 + RowHeight * g + RowHeight / 2.0);
            Line(plot, plotLeft, legendY, plotLeft + 28, legendY, color, 2.5);
            Text(plot, names[g], plotLeft + 36, legendY, Alignment.MiddleLeft, Font, Black);
        }
        return new FigureDrawing(plot, width, height);
    }

    /// <summary>"Log-rank p = ..." (or Mantel-Byar for Simon-Makuch), or null without a test.</summary>
    private string? TestLabel() =>
        analysis.MantelByar is { } mb ? "Mantel-Byar " + ReportText.PEquals(mb.P)
        : analysis.LogRank is { } lr ? "Log-rank " + ReportText.PEquals(lr.P)
        : null;

    /// <summary>
    /// The time after which fewer than 10% of any group remain at risk: for each group the last curve time at which at
    /// least 10% of its patients were at risk, the largest over groups.
    /// </summary>
    private double AxisEnd()
    {
        var end = 0.0;
        for (var g = 0; g < analysis.Curves.Count; g++)
        {
            var curve = analysis.Curves[g];
            var threshold = 0.1 * curve.N;
            for (var i = 0; i < curve.Time.Length; i++)
            {
                if (curve.AtRisk[i] >= threshold)
                {
                    end = Math.Max(end, curve.Time[i]);
                }
            }
        }
        return end > 0 ? end : Math.Max(1, analysis.Curves.Max(c => c.Time.Length == 0 ? 0 : c.Time[^1]));
    }

    /// <summary>A tick step in months (3, 6, 12, ... 120) of at least <paramref name="raw"/>.</summary>
    internal static double NiceStep(double raw)
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
        FigureLabel.Record(plot, new FigureLabel(text, x, y, alignment, size, bold, rotate));
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
