using System.Globalization;
using ScottPlot;

namespace Sarc.Studies.Figures;

/// <summary>
/// The parts the time-to-event figures (<see cref="KmFigure"/>, <see cref="CifFigure"/>) share, drawn in layout
/// pixels: the axes with their ticks and titles, and the numbers-at-risk table under the x axis.
/// </summary>
internal static class TimeAxes
{
    private static readonly Color Black = Color.FromHex("#222222");

    /// <summary>
    /// The x axis along y = 0 from the first to the last tick of <paramref name="xTicks"/> and the y axis from 0 to the
    /// last of <paramref name="yTicks"/> (<paramref name="x"/> and <paramref name="y"/> map data to plot coordinates),
    /// tick labels outside, <paramref name="xTitle"/> under the x labels and <paramref name="yTitle"/> rotated left of the y labels.
    /// </summary>
    public static void Draw(Plot plot, Func<double, double> x, Func<double, double> y, double[] xTicks, double[] yTicks, string xTitle, string yTitle)
    {
        const float font = FigureStyle.FontSize;
        KmFigure.Line(plot, x(0), y(0), x(xTicks[^1]), y(0), Black, 1.2);
        KmFigure.Line(plot, x(0), y(0), x(0), y(yTicks[^1]), Black, 1.2);
        foreach (var t in xTicks)
        {
            KmFigure.Line(plot, x(t), y(0), x(t), y(0) - 5, Black, 1.2);
            KmFigure.Text(plot, t.ToString("0", CultureInfo.InvariantCulture), x(t), y(0) - 7, Alignment.UpperCenter, font, Black);
        }
        var yLabelWidth = 0f;
        foreach (var v in yTicks)
        {
            var label = v.ToString("0.00", CultureInfo.InvariantCulture);
            yLabelWidth = Math.Max(yLabelWidth, FigureText.Width(label, font));
            KmFigure.Line(plot, x(0), y(v), x(0) - 5, y(v), Black, 1.2);
            KmFigure.Text(plot, label, x(0) - 8, y(v), Alignment.MiddleRight, font, Black);
        }
        KmFigure.Text(plot, xTitle, x(xTicks[^1] / 2), y(0) - 30, Alignment.UpperCenter, font, Black);
        KmFigure.Text(plot, yTitle, x(0) - 8 - yLabelWidth - 14, y(yTicks[^1] / 2), Alignment.MiddleCenter, font, Black, rotate: true);
    }

    /// <summary>
    /// The numbers-at-risk table: <paramref name="title"/> at <paramref name="titleY"/> (pixels from the top), then one
    /// row per group, its label at the left edge in the group's colour and its counts under the x ticks.
    /// </summary>
    public static void RiskTable(Plot plot, string title, double titleY, IReadOnlyList<string> labels, Func<double, double> x, double[] ticks,
        Func<int, double, int> atRisk, int rowHeight)
    {
        const float small = FigureStyle.FontSize - 1;
        KmFigure.Text(plot, title, 0, -titleY, Alignment.MiddleLeft, FigureStyle.FontSize, Black, bold: true);
        for (var g = 0; g < labels.Count; g++)
        {
            var color = Color.FromHex(FigureStyle.Palette[g % FigureStyle.Palette.Count]);
            var rowY = -(titleY + 14 + rowHeight * g + rowHeight / 2.0);
            KmFigure.Text(plot, labels[g], 0, rowY, Alignment.MiddleLeft, small, color, bold: true);
            foreach (var t in ticks)
            {
                KmFigure.Text(plot, atRisk(g, t).ToString(CultureInfo.InvariantCulture), x(t), rowY, Alignment.MiddleCenter, small, color);
            }
        }
    }
}
