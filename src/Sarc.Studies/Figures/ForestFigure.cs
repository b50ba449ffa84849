using ScottPlot;
using Sarc.Statistics.Distributions;
using Sarc.Statistics.Survival;


namespace Sarc.Studies.Figures;

/// <summary>
/// Forest plot of a Cox model: one row per coefficient, hazard ratio as a square and its confidence interval as a
/// line on a log axis (robust SE when the fit has one), a dashed line at HR 1, and the "HR (CI)" text at the right.
/// Coefficients are drawn as the model names them (a factor's level against its reference); one whose hazard ratio is
/// beyond 1/1024–1024 (a monotone likelihood) reads "not estimable".
/// </summary>
/// <param name="entries">The rows, top to bottom.</param>
/// <param name="axisLabel">The title under the log axis.</param>
/// <param name="valueHeader">The header over the column of values.</param>
public sealed class ForestFigure(IReadOnlyList<ForestRow> entries, string axisLabel, string valueHeader) : IReportFigure
{
    /// <summary>The forest of a Cox model (robust intervals when it has them), reference levels shown.</summary>
    public static ForestFigure Of(CoxResult fit, IReadOnlyDictionary<string, string> references, ReportLabels labels) =>
        new(Rows(fit, references, labels), "Hazard ratio (log scale)", $"HR ({fit.ConfidenceLevel * 100:G3}% CI)");

    /// <summary>
    /// The rows of a Cox model: a factor's reference level (HR 1, no interval) just above its first level, intervals
    /// from the robust SE when the fit has one. Terms read as <see cref="ReportLabels.Term"/> words them.
    /// </summary>
    public static IReadOnlyList<ForestRow> Rows(CoxResult fit, IReadOnlyDictionary<string, string> references, ReportLabels labels)
    {
        var z = Probability.NormalQuantile(1 - (1 - fit.ConfidenceLevel) / 2);
        var entries = new List<ForestRow>();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in fit.Coefficients)
        {
            foreach (var (label, level) in references)
            {
                if (c.Term.StartsWith(label, StringComparison.Ordinal) && c.Term != label && shown.Add(label))
                {
                    entries.Add(new ForestRow($"{labels.Group(label, level)} (reference)", 0, double.NaN, double.NaN, Reference: true));
                }
            }
            var se = c.RobustSe ?? c.Se;
            entries.Add(new ForestRow(labels.Term(c.Term, references.Keys), c.Coef, c.Coef - z * se, c.Coef + z * se));
        }
        return entries;
    }

    /// <summary>The largest |log hazard ratio| drawn: ln 1024.</summary>
    private static readonly double MaxLogHazardRatio = 10 * Math.Log(2);

    /// <inheritdoc/>
    public FigureDrawing Draw(int width)
    {
        // The label, interval and value columns need the page width; a single column gets the figure scaled down.
        width = Math.Max(width, 760);
        var rows = entries.Count;
        // The axis spans the finite limits within HR 1/1024–1024: a coefficient beyond (a monotone likelihood, every event in
        // one group) would stretch it to numbers no reader can use, and its row says "not estimable" instead.
        var finite = entries.SelectMany(l => new[] { l.Lower, l.Upper }).Where(v => double.IsFinite(v) && Math.Abs(v) <= MaxLogHazardRatio).DefaultIfEmpty(0).ToArray();
        var lo = Math.Floor(Math.Min(finite.Min(), -0.1) / Math.Log(2)) * Math.Log(2);
        var hi = Math.Ceiling(Math.Max(finite.Max(), 0.1) / Math.Log(2)) * Math.Log(2);
        var span = hi - lo;
        // The label and value columns are as wide as their widest text (measured) and the interval takes the rest, so a
        // long label never runs into its interval nor a value off the page.
        var labelPixels = entries.Max(e => (double)FigureText.Width(e.Label, FigureStyle.FontSize, e.IsHeading)) + 40;
        var valuePixels = Math.Max(FigureText.Width(valueHeader, FigureStyle.FontSize, bold: true), FigureText.Width("10.00 (10.00–100.00)", FigureStyle.FontSize)) + 24.0;
        // A figure too narrow for both columns and 300 px of interval is drawn wider (the page scales it down).
        width = Math.Max(width, (int)Math.Ceiling(16 + labelPixels + valuePixels + 300));
        var perPixel = span / (width - 16 - labelPixels - valuePixels);
        var labelX = lo - labelPixels * perPixel;
        var rightX = hi + valuePixels * perPixel;
        var textX = hi + 12 * perPixel;
        // Under headings (e.g. one per transition) the rows are indented.
        var indent = entries.Any(e => e.IsHeading) ? span * 0.04 : 0;

        var plot = new Plot();
        plot.Axes.Frameless();
        plot.HideGrid();
        // The top margin holds the value column's header at any row height.
        plot.Axes.SetLimits(labelX, rightX, -1.6, rows + 0.6);
        var black = FigureStyle.TextColor;
        var color = Color.FromHex(FigureStyle.Palette[0]);

        KmFigure.Line(plot, lo, -0.5, hi, -0.5, black, 1.2);
        var dashed = plot.Add.Line(0, -0.5, 0, rows - 0.3);
        dashed.LineColor = Color.FromHex("#888888");
        dashed.LinePattern = LinePattern.Dashed;
        // Ticks at powers of 2, every other one (or sparser) when the range is wide, so the labels never touch.
        var tickStep = Math.Log(2) * Math.Max(1, Math.Ceiling(span / Math.Log(2) / 8));
        for (var t = lo; t <= hi + 1e-9; t += tickStep)
        {
            KmFigure.Line(plot, t, -0.5, t, -0.58, black, 1.2);
            KmFigure.Text(plot, Math.Exp(t).ToString("0.###", CultureInfo.InvariantCulture), t, -0.65, Alignment.UpperCenter, FigureStyle.FontSize, black);
        }
        KmFigure.Text(plot, axisLabel, (lo + hi) / 2, -1.15, Alignment.UpperCenter, FigureStyle.FontSize, black);
        KmFigure.Text(plot, valueHeader, textX, rows - 0.2, Alignment.LowerLeft, FigureStyle.FontSize, black, bold: true);
        for (var i = 0; i < rows; i++)
        {
            var y = rows - 1 - i;
            var (term, estimate, lower, upper, _) = entries[i];
            if (entries[i].IsHeading)
            {
                KmFigure.Text(plot, term, labelX, y, Alignment.MiddleLeft, FigureStyle.FontSize, black, bold: true);
                continue;
            }
            KmFigure.Text(plot, term, labelX + indent, y, Alignment.MiddleLeft, FigureStyle.FontSize, black);
            if (entries[i].IsNotEstimable || (!entries[i].Reference && !(Math.Abs(estimate) <= MaxLogHazardRatio)))
            {
                KmFigure.Text(plot, "not estimable", textX, y, Alignment.MiddleLeft, FigureStyle.FontSize, black);
                continue;
            }
            if (entries[i].Reference)
            {
                plot.Add.Marker(0, y, MarkerShape.OpenSquare, 9, color);
                KmFigure.Text(plot, "1 (reference)", textX, y, Alignment.MiddleLeft, FigureStyle.FontSize, black);
                continue;
            }
            KmFigure.Line(plot, Math.Max(lower, lo), y, Math.Min(upper, hi), y, color, 2);
            if (estimate >= lo && estimate <= hi)
            {
                plot.Add.Marker(estimate, y, MarkerShape.FilledSquare, 11, color);
            }
            KmFigure.Text(plot, $"{Math.Exp(estimate):0.00} ({Math.Exp(lower):0.00}–{Math.Exp(upper):0.00})", textX, y, Alignment.MiddleLeft, FigureStyle.FontSize, black);
        }
        // Long forests (several models) get tighter rows so the figure stays within a page.
        var height = 150 + (rows > 10 ? 32 : 42) * rows;
        plot.Layout.Fixed(new PixelPadding(8, 8, 8, 8));
        return new FigureDrawing(plot, width, height);
    }
}
