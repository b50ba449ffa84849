using ScottPlot;
using Sarc.Statistics.Multistate;

namespace Sarc.Studies.Figures;

/// <summary>
/// Stacked state-occupancy plot of a multistate model: at each time the probabilities of the states (Aalen-Johansen)
/// stacked from the initial state at the bottom to the absorbing state at the top, so each band's height is the
/// probability of being in that state; one panel per group side by side, one legend of the states above them. Axes
/// drawn in data space as in <see cref="KmFigure"/>, so every panel has the same scale.
/// </summary>
/// <param name="panels">One panel per entry (title, occupancy); every panel has the same states.</param>
/// <param name="timeAxis">The x axis title under each panel.</param>
public sealed class StateOccupancyFigure(IReadOnlyList<(string Title, MultistateAnalysis Occupancy)> panels, string timeAxis = "Months since surgery") : IReportFigure
{
    /// <summary>Fill colour per state name (Okabe-Ito); states not listed take the palette in order.</summary>
    private static readonly Dictionary<string, string> StateColors = new(StringComparer.Ordinal)
    {
        ["entry"] = "#56B4E9",
        ["lr"] = "#E69F00",
        ["dm"] = "#D55E00",
        ["death"] = FigureStyle.DeathColor,
    };

    /// <summary>A readable label for a state of the registry's model (others are shown as named).</summary>
    public static string StateLabel(string state) => state switch
    {
        "entry" => "Alive without LR or DM",
        "lr" => "Local recurrence",
        "dm" => "Distant metastasis",
        "death" => "Dead",
        _ => state,
    };

    /// <inheritdoc/>
    public FigureDrawing Draw(int width)
    {
        // Side-by-side panels need the page width to keep their labels apart; a single column gets them scaled down.
        width = Math.Max(width, panels.Count > 1 ? 760 : 560);
        ArgumentOutOfRangeException.ThrowIfZero(panels.Count);
        var states = panels[0].Occupancy.States;
        var cut = AxisEnd(panels.Select(p => p.Occupancy.Result));
        var (step, xMax) = TimeAxis(cut, panels.Count > 1 ? 7 : 10);
        var gap = xMax * 0.2;
        var panelWidth = xMax + gap;
        var left = -xMax * 0.17;
        var plot = new Plot();
        plot.Axes.Frameless();
        plot.HideGrid();
        // Room above the panels for their titles and the legend, below for the tick labels and axis title.
        plot.Axes.SetLimits(left, panels.Count * panelWidth - gap + xMax * 0.05, -0.2, 1.3);
        var black = FigureStyle.TextColor;
        for (var k = 0; k < panels.Count; k++)
        {
            var x0 = k * panelWidth;
            DrawBands(plot, panels[k].Occupancy, x0, cut, states);
            KmFigure.Line(plot, x0, 0, x0 + xMax, 0, black, 1.2);
            KmFigure.Line(plot, x0, 0, x0, 1, black, 1.2);
            for (var x = 0.0; x <= xMax + 1e-9; x += step)
            {
                KmFigure.Line(plot, x0 + x, 0, x0 + x, -0.012, black, 1.2);
                KmFigure.Text(plot, x.ToString("0", CultureInfo.InvariantCulture), x0 + x, -0.03, Alignment.UpperCenter, FigureStyle.FontSize, black);
            }
            for (var y = 0.0; y <= 1 + 1e-9; y += 0.25)
            {
                KmFigure.Line(plot, x0, y, x0 - xMax * 0.008, y, black, 1.2);
                KmFigure.Text(plot, y.ToString("0.00", CultureInfo.InvariantCulture), x0 - xMax * 0.012, y, Alignment.MiddleRight, FigureStyle.FontSize, black);
            }
            KmFigure.Text(plot, timeAxis, x0 + xMax / 2, -0.11, Alignment.UpperCenter, FigureStyle.FontSize, black);
            if (panels[k].Title.Length > 0)
            {
                KmFigure.Text(plot, panels[k].Title, x0 + xMax / 2, 1.03, Alignment.LowerCenter, FigureStyle.FontSize, black, bold: true);
            }
        }
        KmFigure.Text(plot, "Probability of being in state", left + xMax * 0.03, 0.5, Alignment.MiddleCenter, FigureStyle.FontSize, black, rotate: true);
        // The legend lists the states top to bottom as they are stacked, in one row above the panels.
        var legend = new List<LegendItem>();
        for (var s = states.Length - 1; s >= 0; s--)
        {
            legend.Add(new LegendItem
            {
                LabelText = StateLabel(states[s]),
                MarkerShape = MarkerShape.FilledSquare,
                MarkerSize = 14,
                MarkerFillColor = StateColor(states, s),
                MarkerLineColor = StateColor(states, s),
                LineWidth = 0,
            });
        }
        FigureStyle.Legend(plot, legend, Alignment.UpperCenter);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Layout.Fixed(new PixelPadding(8, 8, 8, 8));
        return new FigureDrawing(plot, width, 500);
    }

    /// <summary>
    /// Where the bands stop, as <see cref="KmFigure"/>'s axis: for each panel the last time at which at least 10% of its
    /// subjects were still followed (at risk in a transient state, R's <c>n.risk</c> summed over states), the largest
    /// over panels; the last time of any panel where none reaches it (e.g. everyone enters late).
    /// </summary>
    internal static double AxisEnd(IEnumerable<AalenJohansenResult> results)
    {
        var end = 0.0;
        var last = 0.0;
        foreach (var result in results)
        {
            var threshold = 0.1 * result.Subjects;
            for (var t = 0; t < result.Times.Length; t++)
            {
                var atRisk = 0;
                for (var s = 0; s < result.StateCount; s++)
                {
                    atRisk += result.AtRisk[t * result.StateCount + s];
                }
                if (atRisk >= threshold)
                {
                    end = Math.Max(end, result.Times[t]);
                }
            }
            last = Math.Max(last, result.Times.Length == 0 ? 0 : result.Times[^1]);
        }
        return end > 0 ? end : last;
    }

    /// <summary>
    /// Tick step and axis end for follow-up up to <paramref name="maxTime"/> months: the step (in whole years or
    /// months) with at most <paramref name="maxTicks"/> ticks whose last tick overshoots the data least.
    /// </summary>
    internal static (double Step, double End) TimeAxis(double maxTime, int maxTicks)
    {
        var best = (Step: 120.0, End: Math.Max(120, Math.Ceiling(maxTime / 120) * 120));
        foreach (var step in new double[] { 3, 6, 12, 24, 36, 48, 60, 120 })
        {
            var end = Math.Max(step, Math.Ceiling(maxTime / step) * step);
            if (end / step + 1 <= maxTicks && end < best.End)
            {
                best = (step, end);
            }
        }
        return best;
    }

    private static Color StateColor(string[] states, int s) =>
        Color.FromHex(StateColors.TryGetValue(states[s], out var hex) ? hex : FigureStyle.Palette[s % FigureStyle.Palette.Count]);

    /// <summary>
    /// One filled step-shaped band per state between the cumulative probabilities below and including it, up to
    /// <paramref name="cut"/> (the times after it are not drawn).
    /// </summary>
    private static void DrawBands(Plot plot, MultistateAnalysis occupancy, double x0, double cut, string[] states)
    {
        var result = occupancy.Result;
        var n = 0;
        while (n < result.Times.Length && result.Times[n] <= cut)
        {
            n++;
        }
        var times = result.Times.AsSpan(0, n).ToArray();
        var count = result.StateCount;
        // Cumulative probability up to and including each state, before the first time (everyone in entry) and at each time.
        var below = new double[n + 1];
        for (var s = 0; s < count; s++)
        {
            var above = new double[n + 1];
            above[0] = below[0] + (s == 0 ? 1 : 0);
            for (var t = 0; t < n; t++)
            {
                above[t + 1] = below[t + 1] + result.Probability(t, s);
            }
            // Step outline: along the top left to right, then back along the bottom right to left.
            var xs = new List<double>(4 * n + 4);
            var ys = new List<double>(4 * n + 4);
            var end = n == 0 ? cut : times[^1];
            AddSteps(xs, ys, x0, times, above, end, forward: true);
            AddSteps(xs, ys, x0, times, below, end, forward: false);
            var polygon = plot.Add.Polygon(xs.ToArray(), ys.ToArray());
            polygon.FillColor = StateColor(states, s);
            polygon.LineColor = Colors.White;
            polygon.LineWidth = 0.6f;
            below = above;
        }
    }

    private static void AddSteps(List<double> xs, List<double> ys, double x0, double[] times, double[] level, double end, bool forward)
    {
        var n = times.Length;
        if (forward)
        {
            xs.Add(x0);
            ys.Add(level[0]);
            for (var t = 0; t < n; t++)
            {
                xs.Add(x0 + times[t]);
                ys.Add(level[t]);
                xs.Add(x0 + times[t]);
                ys.Add(level[t + 1]);
            }
            xs.Add(x0 + end);
            ys.Add(level[n]);
            return;
        }
        xs.Add(x0 + end);
        ys.Add(level[n]);
        for (var t = n - 1; t >= 0; t--)
        {
            xs.Add(x0 + times[t]);
            ys.Add(level[t + 1]);
            xs.Add(x0 + times[t]);
            ys.Add(level[t]);
        }
        xs.Add(x0);
        ys.Add(level[0]);
    }
}
