using Sarc.Data.Formulas;
using Sarc.Registry.Endpoints;
using Sarc.Statistics.Distributions;
using Sarc.Studies.Data;
using Sarc.Studies.Figures;

namespace Sarc.Studies.Kinds;

/// <summary>
/// <c>cox</c>: a Cox model of an endpoint (Efron ties), optionally with LR or DM as a time-dependent covariate
/// (counting-process rows) and robust SE by a cluster, as <c>sarc cox</c>; a forest plot and a table.
/// </summary>
public sealed class CoxKind() : AnalysisKind<CoxAnalysis>("cox",
[
    KindParameters.Endpoint, KindParameters.Formula, new("time_dependent", ParameterRole.Columns, false), new("cluster", ParameterRole.Column, false),
])
{
    /// <inheritdoc/>
    public override CoxAnalysis Run(AnalysisDefinition analysis, DataFrame cohort)
    {
        var endpoint = KindInputs.Endpoint(analysis);
        var cluster = analysis.Text("cluster");
        var timeDependent = analysis.List("time_dependent");
        var data = timeDependent.Count == 0 ? cohort : CountingProcess.Split(cohort, endpoint, timeDependent);
        var response = timeDependent.Count == 0 ? EndpointNames.Response(endpoint) : "Surv(tstart, tstop, status)";
        var formula = Formula.Parse($"{response} ~ {KindInputs.Rhs(analysis)}{(cluster is null ? "" : $" + cluster({cluster})")}");
        return CoxFitting.Fit(data, formula, $"{endpoint} events");
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Warnings(CoxAnalysis result) => result.Fit.Warnings;

    /// <inheritdoc/>
    public override void WriteJson(Utf8JsonWriter writer, CoxAnalysis result, AnalysisDefinition analysis)
    {
        writer.WriteString("endpoint", analysis.Text("endpoint"));
        CoxReport.WriteJson(writer, result.Fit, result.Frame);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<ReportBlock> Present(CoxAnalysis cox, ReportContext context)
    {
        var labels = context.Labels;
        var fit = cox.Fit;
        var robust = fit.RobustVariance is not null;
        var level = ReportWords.Level(fit.ConfidenceLevel);
        var z = Probability.NormalQuantile(1 - (1 - fit.ConfidenceLevel) / 2);
        var figure = new ReportFigure("", ForestFigure.Of(fit, cox.References, labels), "Forest plot",
            $"Hazard ratios with {level}% confidence intervals on a log scale{(robust ? " (robust SE by patient)" : "")}.");
        var rows = new List<ReportRow>();
        foreach (var (label, reference) in cox.References)
        {
            rows.Add(ReportRow.Level([$"{labels.Group(label, reference)} (reference)", "1", "", ""]));
        }
        foreach (var c in fit.Coefficients)
        {
            var se = c.RobustSe ?? c.Se;
            var lower = Math.Exp(c.Coef - z * se);
            var upper = Math.Exp(c.Coef + z * se);
            // An infinite coefficient or a zero SE (separation in a small cohort) has no Wald p.
            var zValue = Math.Abs(c.Coef / se);
            var p = !robust ? c.P : double.IsNaN(zValue) ? double.NaN : 2 * Probability.NormalUpper(zValue);
            rows.Add(new ReportRow([labels.Term(c.Term, cox.References.Keys), ReportText.Fixed(c.HazardRatio, 2), $"{ReportText.Fixed(lower, 2)}–{ReportText.Fixed(upper, 2)}", ReportText.PValue(p)]));
        }
        var unit = fit.N == cox.Frame.RowCount && context.Analysis.List("time_dependent").Count > 0 ? "rows" : "patients";
        var caption = $"Cox proportional hazards (Efron ties), {fit.Events} events; likelihood-ratio test {ReportText.PEquals(fit.LikelihoodRatioTest.P)}; concordance {ReportText.Fixed(fit.Concordance, 3)}. "
            + ReportWords.Counts(fit.N, cox.Frame.Excluded, "missing value of a model term", unit);
        return [figure, new ReportTable("", ["Term", "HR", $"{level}% CI{(robust ? " (robust)" : "")}", "p"], rows, caption)];
    }
}
