using Sarc.Registry.Endpoints;
using Sarc.Studies.Figures;

namespace Sarc.Studies.Kinds;

/// <summary><c>cif</c>: cumulative incidence per cause (and group) of a competing-risks endpoint with Gray's test, as <c>sarc cif</c> (cmprsk::cuminc).</summary>
public sealed class CifKind() : AnalysisKind<CifAnalysis>(
    "cif", [KindParameters.Endpoint, KindParameters.Group, KindParameters.At])
{
    /// <inheritdoc/>
    public override CifAnalysis Run(AnalysisDefinition analysis, DataFrame cohort)
    {
        var endpoint = KindInputs.Endpoint(analysis);
        var group = KindInputs.Group(analysis);
        var result = CifReport.Analyse(cohort, EndpointNames.MonthsColumn(endpoint), EndpointNames.EventColumn(endpoint), group);
        if (result.Result.Causes.Length == 0)
        {
            throw new DataInputException($"no {endpoint} events among the {result.Result.Count} patients analysed: no cumulative incidence to estimate");
        }
        if (group is not null && result.Levels.Length < 2)
        {
            throw new DataInputException($"'{group}' has a single level ('{result.Levels.FirstOrDefault()}') in the cohort: no Gray's test");
        }
        return result;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Warnings(CifAnalysis result) => result.Warnings;

    /// <inheritdoc/>
    public override void WriteJson(Utf8JsonWriter writer, CifAnalysis result, AnalysisDefinition analysis)
    {
        writer.WriteString("endpoint", analysis.Text("endpoint"));
        CifReport.WriteJson(writer, result, KindInputs.At(analysis));
    }

    /// <inheritdoc/>
    public override IReadOnlyList<ReportBlock> Present(CifAnalysis cif, ReportContext context)
    {
        var labels = context.Labels;
        var endpoint = context.Analysis.Text("endpoint");
        var names = ReportWords.CauseNames(endpoint);
        var at = KindInputs.At(context.Analysis);
        var first = ReportWords.Cause(names, cif.Result.Causes[0]);
        var counts = ReportWords.Counts(cif.Result.Count, cif.Excluded, "missing time, status or group");
        var figure = new ReportFigure("", new CifFigure(cif, names, labels), "Cumulative incidence",
            $"Cumulative incidence (Aalen-Johansen, as cmprsk::cuminc) per cause; the band is the 95% confidence interval of {first} (log(−log) transform of Gray's variance); Gray's test per cause. {counts}");
        var rows = new List<ReportRow>();
        foreach (var g in cif.Result.Groups)
        {
            foreach (var cause in cif.Result.Causes)
            {
                var curve = cif.Result.Curve(g, cause);
                rows.Add(new ReportRow([ReportWords.Cause(names, cause), cif.GroupColumn is null ? "All" : labels.Group(cif.GroupColumn, cif.Levels[g]),
                    .. at.Select(t =>
                    {
                        var estimate = curve.EstimateAt(t);
                        var (lower, upper) = IncidenceInterval.Limits(estimate, curve.VarianceAt(t), KindInputs.DefaultConfidenceLevel);
                        return $"{ReportWords.Percent(estimate)} ({ReportWords.Percent(lower)}–{ReportWords.Percent(upper)})";
                    })]));
            }
        }
        var tests = string.Concat(cif.Result.Tests.Select(test => $"Gray's test, {ReportWords.Cause(names, test.Cause)}: {ReportText.PEquals(test.P)}. "));
        var caption = $"Cumulative incidence in % with 95% confidence intervals (log(−log)); NA after a group's last follow-up. {tests}{counts}";
        double[] riskTimes = [0, .. at];
        var risk = cif.Result.Groups.Select(g => new ReportRow([cif.GroupColumn is null ? "All" : labels.Group(cif.GroupColumn, cif.Levels[g]),
            .. riskTimes.Select(t => cif.AtRisk(g, t).ToString(System.Globalization.CultureInfo.InvariantCulture))])).ToArray();
        return
        [
            figure,
            new ReportTable("", ["Cause", "Group", .. at.Select(t => $"{ReportText.Number(t)} mo, % (95% CI)")], rows, caption),
            new ReportTable("-at-risk", ["Number at risk", .. riskTimes.Select(t => $"{ReportText.Number(t)} mo")], risk,
                "Patients still followed (no event of any cause and not censored before the time), as the figure's risk table."),
        ];
    }
}
