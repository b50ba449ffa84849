using Sarc.Data.Analysis;
using Sarc.Statistics.Hypothesis;

namespace Sarc.Studies.Kinds;

/// <summary><c>rates</c>: proportions of 0/1 outcomes (optionally per group) with exact Clopper-Pearson intervals, as R <c>binom.test</c>.</summary>
public sealed class RatesKind() : AnalysisKind<RatesAnalysis>(
    "rates", [new("outcomes", ParameterRole.Columns, true), KindParameters.Group, KindParameters.ConfLevel])
{
    /// <inheritdoc/>
    public override RatesAnalysis Run(AnalysisDefinition analysis, DataFrame cohort)
    {
        var group = KindInputs.Group(analysis);
        var level = KindInputs.ConfLevel(analysis);
        // Groups as R's factor(): levels in R's order, -1 where the group is missing.
        var factor = group is null ? null : AnalysisColumns.FactorWithMissing(CompleteCases.Of(cohort, []), group);
        string[] levels = factor?.Levels ?? [];
        if (factor is not null)
        {
            if (levels.Length < 2)
            {
                throw new DataInputException($"'{group}' has a single level in the cohort: give rates without a group");
            }
        }
        var rates = new List<RateEstimate>();
        foreach (var outcome in analysis.List("outcomes"))
        {
            var y = KindInputs.Binary(cohort, outcome);
            for (var code = factor is null ? -1 : 0; code < levels.Length; code++)
            {
                var g = code < 0 ? null : levels[code];
                int events = 0, n = 0, missing = 0;
                for (var i = 0; i < y.Length; i++)
                {
                    if (factor is not null && factor.Codes[i] != code)
                    {
                        continue;
                    }
                    if (double.IsNaN(y[i]))
                    {
                        missing++;
                        continue;
                    }
                    n++;
                    events += y[i] == 1 ? 1 : 0;
                }
                if (n == 0)
                {
                    throw new DataInputException($"'{outcome}' has no recorded value{(g is null ? "" : $" in group {g}")}: no rate to estimate");
                }
                rates.Add(new RateEstimate(outcome, g, events, n, missing, ProportionCI.ClopperPearson(events, n, level)));
            }
        }
        return new RatesAnalysis(group, level, rates);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Warnings(RatesAnalysis result) => [];

    /// <inheritdoc/>
    public override void WriteJson(Utf8JsonWriter writer, RatesAnalysis result, AnalysisDefinition analysis) => RatesReport.WriteJson(writer, result);

    /// <inheritdoc/>
    public override IReadOnlyList<ReportBlock> Present(RatesAnalysis r, ReportContext context)
    {
        var labels = context.Labels;
        var grouped = r.GroupColumn is not null;
        string[] header = grouped
            ? ["Outcome", labels.Name(r.GroupColumn!), "Events / n", "%", $"{ReportWords.Level(r.ConfidenceLevel)}% CI (exact)"]
            : ["Outcome", "Events / n", "%", $"{ReportWords.Level(r.ConfidenceLevel)}% CI (exact)"];
        var rows = r.Rates.Select(rate =>
        {
            string[] numbers = [$"{rate.Events} / {rate.N}", ReportWords.Percent(rate.Interval.Estimate), $"{ReportWords.Percent(rate.Interval.Lower)}–{ReportWords.Percent(rate.Interval.Upper)}"];
            return new ReportRow(grouped
                ? [labels.Name(rate.Outcome), rate.Group is null ? "" : labels.Level(r.GroupColumn!, rate.Group), .. numbers]
                : [labels.Name(rate.Outcome), .. numbers]);
        }).ToArray();
        var missing = r.Rates.GroupBy(x => x.Outcome).Select(g => (Outcome: g.Key, Missing: g.Sum(x => x.Missing))).Where(x => x.Missing > 0).ToArray();
        var excluded = missing.Length == 0 ? "No patient excluded." :
            "Excluded for a missing value: " + string.Join(", ", missing.Select(m => $"{labels.Name(m.Outcome)} {m.Missing}")) + ".";
        return [new ReportTable("", header, rows, $"Clopper-Pearson exact intervals; n = patients with a recorded value. {excluded}")];
    }
}
