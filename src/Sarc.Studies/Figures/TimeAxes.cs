using ScottPlot;

namespace Sarc.Studies.Figures;

/// <summary>
/// The parts the time-to-event figures (<see cref="KmFigure"/>, <see cref="CifFigure"/>) share, drawn in layout
/// pixels: the axes with their ticks and titles, and the numbers-at-risk table under the x axis.
/// </summary>
internal static class TimeAxes
{
    /// <summary>The labels' font size, in pixels.</summary>
    public const float Font = FigureStyle.FontSize;

    /// <summary>The risk table's font size, in pixels.</summary>
    public const float Small = FigureStyle.FontSize - 1;

    /// <summary>The height of a legend line or a risk-table row, in pixels.</summary>
    public const int RowHeight = 21;

    private static readonly Color Black = FigureStyle.TextColor;

    /// <summary>
    /// The vertical layout of a time plot with a risk table, in pixels from the top of the content box: a band of
    /// <paramref name="bandLines"/> legend (and test) lines, the plot <paramref name="heightShare"/> of
    /// <paramref name="width"/> high, the ticks and axis title, then the risk table's title and one row per group
    /// (<paramref name="groups"/>). Returns the plot's top and height, the risk table title's y and the figure's height.
    /// </summary>
    public static (int Top, double Height, double RiskTitleY, int FigureHeight) Layout(int width, int bandLines, double heightShare, int groups)
    {
        var top = 4 + bandLines * RowHeight + 14;
        var height = Math.Round(width * heightShare);
        var riskTitleY = top + height + 64;
        return (top, height, riskTitleY, (int)Math.Ceiling(riskTitleY + 14 + RowHeight * groups + 8 + 16));
    }

    /// <summary>
    /// A frameless plot whose coordinates are layout pixels of a figure <paramref name="content"/> wide inside its
    /// 8-pixel margins: x from 0 at the left, y from 0 at the top down to −(<paramref name="height"/> − 16).
    /// </summary>
    public static Plot Canvas(double content, int height)
    {
        var plot = new Plot();
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Axes.SetLimits(0, content, -(height - 16), 0);
        plot.Layout.Fixed(new PixelPadding(8, 8, 8, 8));
        return plot;
    }

    /// <summary>
    /// A step curve through (<paramref name="xs"/>, <paramref name="ys"/>) in plot coordinates; with
    /// <paramref name="band"/>, its pointwise confidence band (lower, upper at the same xs) shaded in the curve's
    /// colour under it.
    /// </summary>
    public static void StepCurve(Plot plot, List<double> xs, List<double> ys, (List<double> Lower, List<double> Upper)? band, Color color, LinePattern pattern)
    {
        if (band is var (lower, upper))
        {
            var (bx, blo, bhi) = Steps(xs, lower, upper);
            var fill = plot.Add.FillY(bx, bhi, blo);
            fill.FillColor = color.WithAlpha(0.13);
            fill.LineWidth = 0;
        }
        var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), color);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LineWidth = 2;
        line.LinePattern = pattern;
    }

    /// <summary>A band's outline as steps: each value held until the next time.</summary>
    private static (double[] X, double[] Lo, double[] Hi) Steps(List<double> xs, List<double> lo, List<double> hi)
    {
        var n = xs.Count;
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

    /// <summary>
    /// The x axis along y = 0 from the first to the last tick of <paramref name="xTicks"/> and the y axis from 0 to the
    /// last of <paramref name="yTicks"/> (<paramref name="x"/> and <paramref name="y"/> map data to plot coordinates),
    /// tick labels outside, <paramref name="xTitle"/> under the x labels and <paramref name="yTitle"/> rotated left of the y labels.
    /// </summary>
    public static void Draw(Plot plot, Func<double, double> x, Func<double, double> y, double[] xTicks, double[] yTicks, string xTitle, string yTitle)
    {
        KmFigure.Line(plot, x(0), y(0), x(xTicks[^1]), y(0), Black, 1.2);
        KmFigure.Line(plot, x(0), y(0), x(0), y(yTicks[^1]), Black, 1.2);
        foreach (var t in xTicks)
        {
            KmFigure.Line(plot, x(t), y(0), x(t), y(0) - 5, Black, 1.2);
            KmFigure.Text(plot, t.ToString("0", CultureInfo.InvariantCulture), x(t), y(0) - 7, Alignment.UpperCenter, Font, Black);
        }
        var yLabelWidth = 0f;
        foreach (var v in yTicks)
        {
            var label = v.ToString("0.00", CultureInfo.InvariantCulture);
            yLabelWidth = Math.Max(yLabelWidth, FigureText.Width(label, Font));
            KmFigure.Line(plot, x(0), y(v), x(0) - 5, y(v), Black, 1.2);
            KmFigure.Text(plot, label, x(0) - 8, y(v), Alignment.MiddleRight, Font, Black);
        }
        KmFigure.Text(plot, xTitle, x(xTicks[^1] / 2), y(0) - 30, Alignment.UpperCenter, Font, Black);
        KmFigure.Text(plot, yTitle, x(0) - 8 - yLabelWidth - 14, y(yTicks[^1] / 2), Alignment.MiddleCenter, Font, Black, rotate: true);
    }

    /// <summary>
    /// The numbers-at-risk table: <paramref name="title"/> at <paramref name="titleY"/> (pixels from the top), then one
    /// row per group, its label at the left edge in the group's colour and its counts under the x ticks.
    /// </summary>
    public static void RiskTable(Plot plot, string title, double titleY, IReadOnlyList<string> labels, Func<double, double> x, double[] ticks,
        Func<int, double, int> atRisk, int rowHeight)
    {
        KmFigure.Text(plot, title, 0, -titleY, Alignment.MiddleLeft, FigureStyle.FontSize, Black, bold: true);
        for (var g = 0; g < labels.Count; g++)
        {
            var color = Color.FromHex(FigureStyle.Palette[g % FigureStyle.Palette.Count]);
            var rowY = -(titleY + 14 + rowHeight * g + rowHeight / 2.0);
            KmFigure.Text(plot, labels[g], 0, rowY, Alignment.MiddleLeft, Small, color, bold: true);
            foreach (var t in ticks)
            {
                KmFigure.Text(plot, atRisk(g, t).ToString(CultureInfo.InvariantCulture), x(t), rowY, Alignment.MiddleCenter, Small, color);
            }
        }
    }
}
