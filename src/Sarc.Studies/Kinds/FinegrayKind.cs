using Sarc.Data.Formulas;
using Sarc.Registry.Endpoints;
using Sarc.Studies.Figures;

namespace Sarc.Studies.Kinds;

/// <summary><c>finegray</c>: Fine-Gray subdistribution hazards of one cause of a competing-risks endpoint, as <c>sarc finegray</c> (cmprsk::crr).</summary>
public sealed class FinegrayKind() : AnalysisKind<FinegrayAnalysis>(
    "finegray", [KindParameters.Endpoint, KindParameters.Formula, KindParameters.Cause])
{
    /// <summary>A cause that is a positive whole-number status code.</summary>
    public override void Check(AnalysisDefinition analysis, Action<Parameter?, string> error) => KindInputs.CheckCause(analysis, error);

    /// <inheritdoc/>
    public override FinegrayAnalysis Run(AnalysisDefinition analysis, DataFrame cohort)
    {
        var formula = Formula.Parse($"{EndpointNames.Response(KindInputs.Endpoint(analysis))} ~ {KindInputs.Rhs(analysis)}");
        return FinegrayReport.Analyse(cohort, formula, (int)KindInputs.Cause(analysis), KindInputs.DefaultConfidenceLevel);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Warnings(FinegrayAnalysis result) => result.Fit.Warnings;

    /// <inheritdoc/>
    public override void WriteJson(Utf8JsonWriter writer, FinegrayAnalysis result, AnalysisDefinition analysis)
    {
        writer.WriteString("endpoint", analysis.Text("endpoint"));
        FinegrayReport.WriteJson(writer, result);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<ReportBlock> Present(FinegrayAnalysis finegray, ReportContext context)
    {
        var labels = context.Labels;
        var (frame, cause, level, fit) = finegray;
        var percent = ReportWords.Level(level);
        var forest = new List<ForestRow>();
        var rows = new List<ReportRow>();
        foreach (var c in fit.Coefficients)
        {
            var term = labels.Term(c.Term, []);
            forest.Add(new ForestRow(term, c.Coef, Math.Log(c.HazardRatioLower), Math.Log(c.HazardRatioUpper)));
            rows.Add(new ReportRow([term, ReportText.Fixed(c.HazardRatio, 2),
                $"{ReportText.Fixed(c.HazardRatioLower, 2)}–{ReportText.Fixed(c.HazardRatioUpper, 2)}", ReportText.PValue(c.P)]));
        }
        var names = ReportWords.CauseNames(context.Analysis.Text("endpoint"));
        var causeName = ReportWords.Cause(names, cause);
        var figure = new ReportFigure("", new ForestFigure(forest, "Subdistribution hazard ratio (log scale)", $"sHR ({percent}% CI)"),
            "Forest plot of subdistribution hazard ratios", $"Subdistribution hazard ratios of {causeName} with {percent}% confidence intervals on a log scale.");
        var competing = names.Count > 0 ? $"; competing event: {names.GetValueOrDefault(2, "other causes")}" : "";
        var caption = $"Fine-Gray proportional subdistribution hazards (as cmprsk::crr), {fit.Events} events of {causeName}{competing}{(fit.Converged ? "" : "; did not converge")}. "
            + ReportWords.Counts(fit.Count, frame.Excluded, "missing value of a model term");
        return [figure, new ReportTable("", ["Term", "sHR", $"{percent}% CI", "p"], rows, caption)];
    }
}
