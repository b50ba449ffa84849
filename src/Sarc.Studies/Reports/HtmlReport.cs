using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sarc.Studies.Figures;
using Sarc.Studies.Json;
using Sarc.Studies.Reports.Html;
using Sarc.Studies.Running;

namespace Sarc.Studies.Reports;

/// <summary>
/// Writes a report folder: <c>results.json</c>; each analysis's tables as CSV and figures in the requested formats
/// (from the kinds' presentations, <see cref="IAnalysisOutput.Present"/>); then <c>index.html</c>, one self-contained
/// page rendered by the Razor components of <see cref="Html"/> (every text encoded by the renderer).
/// </summary>
public static class HtmlReport
{
    /// <summary>Writes the report for <paramref name="studies"/> into <paramref name="folder"/> (created if needed); returns the index path.</summary>
    public static string Write(string folder, IReadOnlyList<StudyResult> studies, string subtitle, ReportOptions? options = null)
    {
        options ??= ReportOptions.Default;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "results.json"), ResultsJson.Write(studies, options.Provenance), new UTF8Encoding(false));
        var sections = studies.Select(study => WriteFiles(folder, study, options)).ToArray();
        var index = Path.Combine(folder, "index.html");
        File.WriteAllText(index, Render(new ReportDocument(subtitle, sections) { Provenance = options.Provenance, Methods = MethodsParagraph.Write(studies), StudyHashes = studies.ToDictionary(s => s.Definition.Id, s => s.Definition.Sha256) }), new UTF8Encoding(false));
        return index;
    }

    /// <summary>Writes the CSV and figure files of <paramref name="study"/> and returns what its section shows.</summary>
    private static StudySection WriteFiles(string folder, StudyResult study, ReportOptions options)
    {
        var definition = study.Definition;
        var labels = new ReportLabels(definition.Derived);
        var analyses = new List<AnalysisSection>(study.Analyses.Count);
        for (var i = 0; i < study.Analyses.Count; i++)
        {
            var analysis = study.Analyses[i];
            var basename = $"{definition.Id}-{analysis.Id}";
            var blocks = new List<WrittenBlock>();
            if (analysis.Output is { } output)
            {
                var context = new ReportContext(definition, definition.Analyses.First(a => a.Id == analysis.Id), labels) { Data = options.Provenance?.Data };
                foreach (var block in output.Present(context))
                {
                    var basePath = Path.Combine(folder, basename + block.Suffix);
                    blocks.Add(block switch
                    {
                        ReportTable table => new WrittenBlock(table, [WriteCsv(table, basePath)]),
                        ReportFigure figure => new WrittenBlock(figure, FigureWriter.Save(figure.Figure, basePath, options.Figures)),
                        ReportFile file => new WrittenBlock(file, [WriteFile(file, basePath)]),
                        _ => throw new InvalidOperationException($"Unknown report block {block.GetType().Name}."),
                    });
                }
            }
            analyses.Add(new AnalysisSection(i + 1, basename, analysis.Title ?? analysis.Id, analysis.Kind, analysis.Error, blocks, analysis.Warnings));
        }
        var cohort = definition.Cohort.Count > 0 ? string.Join("; ", definition.Cohort) : null;
        WrittenBlock? paper = null;
        if (study.SeedComparisons.Count > 0)
        {
            var table = PaperTable(study.SeedComparisons);
            paper = new WrittenBlock(table, [WriteCsv(table, Path.Combine(folder, definition.Id + table.Suffix))]);
        }
        return new StudySection(definition.Id, definition.Title, study.N, cohort, definition.Description?.Trim(), analyses) { Paper = paper };
    }

    /// <summary>The paper's values beside Sarc's estimates and 95% intervals.</summary>
    private static ReportTable PaperTable(IReadOnlyList<SeedComparison> comparisons)
    {
        static string N(double x) => ReportText.Number(x, 3);
        var rows = comparisons.Select(c => new ReportRow(
        [
            c.Quantity, N(c.Paper), N(c.Estimate), double.IsFinite(c.Lower) ? $"{N(c.Lower)}–{(c.UpperBeyondFollowUp ? "not reached" : N(c.Upper))}" : "NA",
            c.Covered switch { true => "yes", false => "no", null => "" }, c.Note ?? "",
        ])).ToArray();
        var estimable = comparisons.Count(c => c.Covered is not null);
        var covered = comparisons.Count(c => c.Covered == true);
        return new ReportTable("-paper-vs-sarc", ["Quantity", "Paper", "Sarc", "95% CI", "Covers paper", "Note"], rows,
            $"The published values beside Sarc's estimates on this registry: {covered} of {estimable} estimable intervals hold the paper's value; {comparisons.Count - estimable} not estimable yet. Percentages in %, survival as a proportion, times in months.");
    }

    private static string WriteCsv(ReportTable table, string basePath)
    {
        var width = table.Header.Count;
        var rows = table.Rows.Select(r => r.Cells.Count == width ? r.Cells : [.. r.Cells, .. Enumerable.Repeat("", width - r.Cells.Count)]);
        Csv.Write(basePath + ".csv", table.Header, rows);
        return Path.GetFileName(basePath) + ".csv";
    }

    /// <summary>Writes a <see cref="ReportFile"/> through a temporary file renamed over the target, so it is never half-written.</summary>
    private static string WriteFile(ReportFile file, string basePath)
    {
        var path = basePath + file.Extension;
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, file.Content, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
        return Path.GetFileName(path);
    }

    /// <summary>The page's HTML, rendered by <see cref="ReportPage"/>.</summary>
    internal static string Render(ReportDocument document)
    {
        using var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(HtmlEncoding.Encoder)
            .BuildServiceProvider();
        using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(ReportPage.Document)] = document });
            var output = await renderer.RenderComponentAsync<ReportPage>(parameters);
            return output.ToHtmlString();
        }).GetAwaiter().GetResult();
    }
}
