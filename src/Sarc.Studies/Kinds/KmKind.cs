using System.Globalization;
using System.Text.Json;
using Sarc.Data;
using Sarc.Data.Tables;
using Sarc.Statistics.Survival;
using Sarc.Studies.Analyses;
using Sarc.Studies.Definitions;
using Sarc.Studies.Figures;
using Sarc.Studies.Json;
using Sarc.Studies.Reports;

namespace Sarc.Studies.Kinds;

/// <summary>
/// <c>km</c>: Kaplan-Meier curves of an endpoint (per group), survival at times, log-rank and the reverse-KM follow-up,
/// as <c>sarc km</c>; the figure has the numbers at risk under its axis.
/// </summary>
public sealed class KmKind : AnalysisKind<KmAnalysis>
{
    /// <inheritdoc/>
    public override string Name => "km";

    /// <inheritdoc/>
    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("endpoint", ParameterRole.Endpoint, true), new("group", ParameterRole.Column, false), new("at", ParameterRole.Numbers, false),
        new("conf_type", ParameterRole.Choice, false, ["log", "log-log", "plain"]),
    ];

    /// <inheritdoc/>
    public override KmAnalysis Run(AnalysisDefinition analysis, DataFrame cohort)
    {
        var endpoint = analysis.Text("endpoint")!;
        var group = analysis.Text("group");
        var options = new KaplanMeierOptions
        {
            ConfidenceType = analysis.Text("conf_type") switch
            {
                "log-log" => ConfidenceType.LogLog,
                "plain" => ConfidenceType.Plain,
                _ => ConfidenceType.Log,
            },
        };
        var result = KmReport.Analyse(cohort, endpoint + "_months", endpoint + "_event", group, options, KindInputs.Numbers(analysis, "at"));
        if (result.Curves.Sum(c => c.EventCount) == 0)
        {
            throw new DataInputException($"no {endpoint} events among the {result.Curves.Sum(c => c.N)} patients analysed: no survival curve to estimate");
        }
        if (group is not null && result.Levels.Length < 2)
        {
            throw new DataInputException($"'{group}' has a single level ('{result.Levels.FirstOrDefault()}') in the cohort: nothing to compare");
        }
        return result;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Warnings(KmAnalysis result) => result.Warnings;

    /// <inheritdoc/>
    public override void WriteJson(Utf8JsonWriter writer, KmAnalysis result, AnalysisDefinition analysis)
    {
        writer.WriteString("endpoint", analysis.Text("endpoint"));
        KmReport.WriteJson(writer, result);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<ReportBlock> Present(KmAnalysis km, ReportContext context)
    {
        var labels = context.Labels;
        var endpoint = context.Analysis.Text("endpoint");
        var figure = new ReportFigure("", new KmFigure(km, ReportWords.Endpoint(endpoint), ReportWords.Origin(endpoint), labels), context.Analysis.Text("title") ?? context.Analysis.Id,
            "Kaplan-Meier estimates with 95% confidence bands (log transform); ticks mark censored patients.");
        var times = km.At.Count > 0 ? km.At[0].Select(a => a.Time).ToArray() : [];
        string[] header = ["Group", "n", "Events", "Median (95% CI)", .. times.Select(t => $"{ReportText.Number(t)} mo, % (95% CI)")];
        var rows = new List<ReportRow>();
        for (var g = 0; g < km.Curves.Count; g++)
        {
            var curve = km.Curves[g];
            var median = curve.Median();
            rows.Add(new ReportRow(
            [
                km.GroupColumn is null ? "All" : labels.Group(km.GroupColumn, km.Levels[g]), curve.N.ToString(CultureInfo.InvariantCulture),
                curve.EventCount.ToString(CultureInfo.InvariantCulture),
                $"{ReportText.Fixed(median.Estimate, 1)} ({ReportText.Fixed(median.Lower, 1)}–{ReportText.Fixed(median.Upper, 1)})",
                .. km.At[g].Select(a => $"{ReportWords.Percent(a.Survival)} ({ReportWords.Percent(a.Lower)}–{ReportWords.Percent(a.Upper)})"),
            ]));
        }
        var test = km.LogRank is { } lr ? $"Log-rank χ² = {ReportText.Fixed(lr.ChiSquare, 2)} on {lr.DegreesOfFreedom} df, {ReportText.PEquals(lr.PValue)}. " : "";
        var caption = $"{test}Median follow-up (reverse Kaplan-Meier) {ReportText.Fixed(km.MedianFollowUp.Estimate, 1)} months. NA: not reached. "
            + ReportWords.Counts(km.Curves.Sum(c => c.N), km.Excluded, "missing time, status or group");
        return [figure, new ReportTable("", header, rows, caption)];
    }
}
