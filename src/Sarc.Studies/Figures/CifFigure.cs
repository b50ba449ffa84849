using ScottPlot;

namespace Sarc.Studies.Figures;

/// <summary>
/// Cumulative incidence curves: one step line per cause and group (colour = group, solid = the first cause, dashed =
/// competing causes), the first cause's 95% confidence band (log(−log), <see cref="IncidenceInterval"/>), the legend
/// and Gray's tests above the plot, and the numbers at risk under it. Laid out in pixels as <see cref="KmFigure"/>.
/// </summary>
/// <param name="analysis">The curves, Gray's tests and the risk sets.</param>
/// <param name="causeNames">The causes' names by status code.</param>
/// <param name="labels">The study's labels for the groups.</param>
/// <param name="timeAxis">The x axis title ("Months since surgery").</param>
public sealed class CifFigure(CifAnalysis analysis, IReadOnlyDictionary<int, string> causeNames, ReportLabels labels, string timeAxis = "Months since surgery") : IReportFigure
{
    private const float Font = TimeAxes.Font;
    private const float Small = TimeAxes.Small;
    private const int RowHeight = TimeAxes.RowHeight;
    private static readonly Color Black = FigureStyle.TextColor;

    /// <inheritdoc/>
    public FigureDrawing Draw(int width)
    {
        var result = analysis.Result;
        var grouped = analysis.GroupColumn is not null;
        var groups = result.Groups.Length;
        var maxTime = result.Curves.Max(c => c.MaxTime);
        var step = KmFigure.NiceStep(maxTime / 6);
        var xMax = Math.Max(step, Math.Ceiling(maxTime / step - 1e-9) * step);
        var ticks = Enumerable.Range(0, (int)Math.Floor(xMax / step + 1e-9) + 1).Select(i => i * step).ToArray();
        var first = result.Causes[0];
        var highest = result.Curves.Max(c => c.Estimates.Length == 0 ? 0 : c.Cause == first
            ? c.Estimates.Select((e, i) => IncidenceInterval.Limits(e, c.Variances[i], 0.95).Upper).Where(double.IsFinite).DefaultIfEmpty(c.Estimates.Max()).Max()
            : c.Estimates.Max());
        var yMax = Math.Min(1, Math.Ceiling(highest * 10 + 0.01) / 10);
        var yTicks = Enumerable.Range(0, 5).Select(k => yMax * k / 4).ToArray();

        var entries = new List<(string Name, Color Color, LinePattern Pattern)>();
        foreach (var g in result.Groups)
        {
            var color = Color.FromHex(FigureStyle.Palette[g % FigureStyle.Palette.Count]);
            foreach (var cause in result.Causes)
            {
                var name = ReportWords.Cause(causeNames, cause);
                entries.Add((grouped ? $"{name}, {labels.Group(analysis.GroupColumn!, analysis.Levels[g])}" : name, color, cause == first ? LinePattern.Solid : LinePattern.Dashed));
            }
        }
        var tests = result.Tests.Select(t => $"Gray's test, {ReportWords.Cause(causeNames, t.Cause)}: {ReportText.PEquals(t.P)}").ToArray();
        var rowLabels = result.Groups.Select(g => grouped ? labels.Level(analysis.GroupColumn!, analysis.Levels[g]) : "All").ToArray();

        var content = width - 16;
        var yTickWidth = yTicks.Max(y => FigureText.Width(y.ToString("0.00", CultureInfo.InvariantCulture), Font));
        var labelWidth = rowLabels.Max(l => FigureText.Width(l, Small, bold: true));
        var plotLeft = Math.Max(22 + 8 + yTickWidth + 10, labelWidth + 18);
        var plotRight = content - FigureText.Width(xMax.ToString("0", CultureInfo.InvariantCulture), Font) / 2 - 2;
        var plotWidth = plotRight - plotLeft;
        // Legend lines at the left, the tests at the right of the same band; on lines of their own when they would meet.
        var legendWidth = entries.Max(e => 36 + FigureText.Width(e.Name, Font));
        var testWidth = tests.Length == 0 ? 0 : tests.Max(t => FigureText.Width(t, Font));
        var testsBeside = legendWidth + 24 + testWidth <= plotWidth;
        var bandLines = testsBeside ? Math.Max(entries.Count, tests.Length) : entries.Count + tests.Length;
        var (plotTop, plotHeight, riskTitleY, height) = TimeAxes.Layout(width, bandLines, 0.36, groups);

        double X(double t) => plotLeft + t / xMax * plotWidth;
        double Y(double f) => -(plotTop + (1 - f / yMax) * plotHeight);

        var plot = TimeAxes.Canvas(content, height);
        TimeAxes.Draw(plot, X, Y, ticks, yTicks, timeAxis, "Cumulative incidence");
        TimeAxes.RiskTable(plot, grouped ? $"Number at risk by {labels.Name(analysis.GroupColumn!)}" : "Number at risk", riskTitleY, rowLabels, X, ticks, analysis.AtRisk, RowHeight);

        var entry = 0;
        foreach (var g in result.Groups)
        {
            foreach (var cause in result.Causes)
            {
                var curve = result.Curve(g, cause);
                var (name, color, pattern) = entries[entry];
                var xs = new List<double> { X(0) };
                var ys = new List<double> { Y(0) };
                var lo = new List<double> { Y(0) };
                var hi = new List<double> { Y(0) };
                for (var i = 0; i < curve.Times.Length; i++)
                {
                    var (l, u) = IncidenceInterval.Limits(curve.Estimates[i], curve.Variances[i], 0.95);
                    xs.Add(X(curve.Times[i]));
                    ys.Add(Y(curve.Estimates[i]));
                    lo.Add(Y(double.IsNaN(l) ? curve.Estimates[i] : l));
                    hi.Add(Y(double.IsNaN(u) ? curve.Estimates[i] : u));
                }
                // The curve runs on to the group's last follow-up.
                xs.Add(X(Math.Min(curve.MaxTime, xMax)));
                ys.Add(ys[^1]);
                lo.Add(lo[^1]);
                hi.Add(hi[^1]);
                TimeAxes.StepCurve(plot, xs, ys, cause == first ? (lo, hi) : null, color, pattern);
                var legendY = -(4 + RowHeight * entry + RowHeight / 2.0);
                var swatch = plot.Add.Line(plotLeft, legendY, plotLeft + 28, legendY);
                swatch.LineColor = color;
                swatch.LineWidth = 2.5f;
                swatch.LinePattern = pattern;
                KmFigure.Text(plot, name, plotLeft + 36, legendY, Alignment.MiddleLeft, Font, Black);
                entry++;
            }
        }
        for (var k = 0; k < tests.Length; k++)
        {
            var line = testsBeside ? k : entries.Count + k;
            KmFigure.Text(plot, tests[k], testsBeside ? plotRight : plotLeft, -(4 + RowHeight * line + RowHeight / 2.0),
                testsBeside ? Alignment.MiddleRight : Alignment.MiddleLeft, Font, Black);
        }
        return new FigureDrawing(plot, width, height);
    }
}
