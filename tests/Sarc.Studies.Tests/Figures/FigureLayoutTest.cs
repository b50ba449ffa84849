using ScottPlot;
using Sarc.Studies.Definitions;
using Sarc.Studies.Figures;
using Sarc.Studies.Reports;
using Sarc.Studies.Running;
using Sarc.Studies.Tests.Running;
using Sarc.Testing;

namespace Sarc.Studies.Tests.Figures;

/// <summary>
/// Renders every figure of the five seed studies (and the built-in prognostic-nomogram study) at both printed widths and checks the layout a reviewer would: no
/// two texts overlap, and no text lies on a curve.
/// </summary>
public class FigureLayoutTest(DemoRegistry registry) : IClassFixture<DemoRegistry>
{
    public static TheoryData<string, int> Seeds()
    {
        var data = new TheoryData<string, int>();
        foreach (var id in new[] { "necrosis-outcomes", "metastatic-cmt", "pulmonary-metastasectomy", "lr-dm-multistate", "rps-post-relapse", "prognostic-nomogram" })
        {
            data.Add(id, 760);
            data.Add(id, 480);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SeedFigures_NoTextOverlapsAnotherTextOrACurve(string id, int width)
    {
        var study = StudyParser.ParseFile(Fixture.PathOf("studies", id + ".yaml")).Study!;
        var result = StudyRunner.Run(study, registry.Dataset);
        var labels = new ReportLabels(study.Derived);
        var problems = new List<string>();
        var figures = 0;
        foreach (var analysis in result.Analyses.Where(a => a.Output is not null))
        {
            var context = new ReportContext(study, study.Analyses.Single(a => a.Id == analysis.Id), labels);
            foreach (var figure in analysis.Output!.Present(context).OfType<ReportFigure>())
            {
                figures++;
                problems.AddRange(Overlaps(figure.Figure.Draw(width)).Select(p => $"{analysis.Id}{figure.Suffix} at {width} px: {p}"));
            }
        }

        Assert.True(figures > 0, $"{id} has no figure");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    [Fact]
    public void Overlaps_TwoLabelsOnTheSameSpot_AreFound()
    {
        // The check must be able to fail.
        var plot = new Plot();
        plot.Axes.SetLimits(0, 100, 0, 100);
        KmFigure.Text(plot, "first label", 50, 50, Alignment.MiddleCenter, 14, Colors.Black);
        KmFigure.Text(plot, "second label", 52, 50, Alignment.MiddleCenter, 14, Colors.Black);
        var line = plot.Add.ScatterLine(new double[] { 0, 100 }, new double[] { 20, 20 });

        KmFigure.Text(plot, "on the line", 50, 20, Alignment.MiddleCenter, 14, Colors.Black);

        var found = Overlaps(new FigureDrawing(plot, 400, 300));
        Assert.Contains(found, p => p.Contains("'first label'") && p.Contains("'second label'"));
        Assert.Contains(found, p => p.Contains("'on the line'") && p.Contains("curve"));
    }

    private readonly record struct Box(string Text, double Left, double Top, double Right, double Bottom)
    {
        public bool Intersects(Box o) => Left < o.Right && o.Left < Right && Top < o.Bottom && o.Top < Bottom;

        public bool Crossed(double x1, double y1, double x2, double y2)
        {
            // Axis-aligned segments only (step curves): a segment crosses the box when it passes through its inside.
            if (y1 == y2)
            {
                return y1 > Top && y1 < Bottom && Math.Max(x1, x2) > Left && Math.Min(x1, x2) < Right;
            }
            if (x1 == x2)
            {
                return x1 > Left && x1 < Right && Math.Max(y1, y2) > Top && Math.Min(y1, y2) < Bottom;
            }
            // Sample a sloped segment.
            for (var k = 0; k <= 20; k++)
            {
                var x = x1 + (x2 - x1) * k / 20;
                var y = y1 + (y2 - y1) * k / 20;
                if (x > Left && x < Right && y > Top && y < Bottom)
                {
                    return true;
                }
            }
            return false;
        }
    }

    [Fact]
    public void Forest_LongLabel_StaysClearOfItsInterval()
    {
        // An interaction term's label is long; its interval starts far left (HR 0.55 on an axis from 0.5).
        var figure = new ForestFigure([new ForestRow("Largest resected lesion > 2 cm × Perioperative systemic therapy", Math.Log(3.04), Math.Log(0.55), Math.Log(16.8))],
            "Hazard ratio (log scale)", "HR (95% CI)");

        foreach (var width in new[] { 480, 760 })
        {
            var drawing = figure.Draw(width);
            var problems = Overlaps(drawing, lines: true);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            // Nor does the value column run off the page.
            foreach (var label in FigureLabel.Of(drawing.Plot).Where(l => l.Alignment is Alignment.MiddleLeft or Alignment.LowerLeft))
            {
                var right = drawing.Plot.GetPixel(new Coordinates(label.X, label.Y)).X + FigureText.Width(label.Text, label.Size, label.Bold);
                Assert.True(right <= drawing.Width, $"'{label.Text}' ends at {right:F0} px of {drawing.Width}");
            }
        }
    }

    [Fact]
    public void Overlaps_ALineThroughALabel_IsFound()
    {
        var plot = new Plot();
        plot.Axes.SetLimits(0, 100, 0, 100);
        KmFigure.Text(plot, "a long label", 50, 50, Alignment.MiddleCenter, 14, Colors.Black);
        KmFigure.Line(plot, 0, 50, 100, 50, Colors.Black, 2);

        Assert.Contains(Overlaps(new FigureDrawing(plot, 400, 300), lines: true), p => p.Contains("'a long label'") && p.Contains("line"));
    }

    /// <summary>
    /// Pairs of overlapping texts, and texts crossed by a curve (or, with <paramref name="lines"/>, by a straight line
    /// such as a forest plot's interval), in pixels of the rendered figure.
    /// </summary>
    private static List<string> Overlaps(FigureDrawing drawing, bool lines = false)
    {
        var plot = drawing.Plot;
        plot.RenderInMemory(drawing.Width, drawing.Height);
        var boxes = new List<Box>();
        foreach (var label in FigureLabel.Of(plot))
        {
            var at = plot.GetPixel(new Coordinates(label.X, label.Y));
            var w = (double)FigureText.Width(label.Text, label.Size, label.Bold);
            // The glyphs' height (cap height to descender) is about 0.9 em; 1 px of slack for anti-aliasing.
            var h = label.Size * 0.9;
            if (label.Rotated)
            {
                (w, h) = (h, w);
            }
            var (left, top) = label.Alignment switch
            {
                Alignment.UpperLeft => (at.X, at.Y),
                Alignment.UpperCenter => (at.X - w / 2, at.Y),
                Alignment.UpperRight => (at.X - w, at.Y),
                Alignment.MiddleLeft => (at.X, at.Y - h / 2),
                Alignment.MiddleCenter => (at.X - w / 2, at.Y - h / 2),
                Alignment.MiddleRight => (at.X - w, at.Y - h / 2),
                Alignment.LowerLeft => (at.X, at.Y - h),
                Alignment.LowerCenter => (at.X - w / 2, at.Y - h),
                _ => (at.X - w, at.Y - h),
            };
            boxes.Add(new Box(label.Text, left + 1, top + 1, left + w - 1, top + h - 1));
        }
        var problems = new List<string>();
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                if (boxes[i].Intersects(boxes[j]))
                {
                    problems.Add($"'{boxes[i].Text}' overlaps '{boxes[j].Text}'");
                }
            }
        }
        foreach (var scatter in plot.GetPlottables<ScottPlot.Plottables.Scatter>())
        {
            var points = scatter.Data.GetScatterPoints().Select(c => plot.GetPixel(c)).ToArray();
            var step = scatter.ConnectStyle == ConnectStyle.StepHorizontal;
            foreach (var box in boxes)
            {
                for (var k = 1; k < points.Length; k++)
                {
                    var (a, b) = (points[k - 1], points[k]);
                    var crossed = step
                        ? box.Crossed(a.X, a.Y, b.X, a.Y) || box.Crossed(b.X, a.Y, b.X, b.Y)
                        : box.Crossed(a.X, a.Y, b.X, b.Y);
                    if (crossed)
                    {
                        problems.Add($"'{box.Text}' lies on a curve");
                        break;
                    }
                }
            }
        }
        foreach (var line in lines ? plot.GetPlottables<ScottPlot.Plottables.LinePlot>() : [])
        {
            var (a, b) = (plot.GetPixel(line.Start), plot.GetPixel(line.End));
            problems.AddRange(boxes.Where(box => box.Crossed(a.X, a.Y, b.X, b.Y)).Select(box => $"'{box.Text}' lies on a line"));
        }
        return problems;
    }
}
