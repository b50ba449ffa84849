using Sarc.Data.Formulas;
using Sarc.Registry.Endpoints;
using Sarc.Studies.Figures;
using Sarc.Studies.Prediction;
using PredictionKind = Sarc.Studies.Prediction.ModelKind;

namespace Sarc.Studies.Kinds;

/// <summary>
/// <c>model</c>: a prediction model of an endpoint (Cox, or Fine-Gray of one cause of a competing-risks endpoint) with
/// <c>rcs()</c> spline terms, fitted on the cohort and validated on it at its times — <c>sarc model fit</c>,
/// <c>validate</c> (with <c>bootstrap</c>: Harrell's optimism correction) and <c>nomogram</c> in one analysis. The report
/// shows the coefficients, the validation, a calibration figure per time and the nomogram, and writes the model file
/// next to the page (with the data snapshot's SHA-256), ready for <c>sarc model apply</c> and <c>sarc model register</c>.
/// </summary>
public sealed class ModelKind() : AnalysisKind<ModelAnalysis>("model",
[
    KindParameters.Endpoint, KindParameters.Formula, new("times", ParameterRole.Numbers, false), KindParameters.Cause, new("bootstrap", ParameterRole.Number, false), new("seed", ParameterRole.Number, false),
])
{
    /// <summary>The model times when a definition names none: 5 and 10 years, in months.</summary>
    public static IReadOnlyList<double> DefaultTimes { get; } = [60, 120];

    /// <summary>The most bootstrap resamples a definition may ask for.</summary>
    public const int MaxResamples = 2000;

    /// <summary>
    /// A cause only with a competing-risks endpoint; a bootstrap only of a Cox model, a whole number up to
    /// <see cref="MaxResamples"/>; a whole-number seed; positive times.
    /// </summary>
    public override void Check(AnalysisDefinition analysis, Action<Parameter?, string> error)
    {
        var endpoint = analysis.Text("endpoint") ?? "";
        var competing = ReportWords.CauseNames(endpoint).Count > 0;
        var cause = analysis.Parameters.GetValueOrDefault("cause");
        if (cause is not null && !competing)
        {
            error(cause, $"'cause' needs a competing-risks endpoint (lr_cr, dm_cr) for a Fine-Gray model; {endpoint} is modelled by Cox regression");
        }
        KindInputs.CheckCause(analysis, error);
        var bootstrap = analysis.Parameters.GetValueOrDefault("bootstrap");
        if (KindInputs.WholeNumber(bootstrap, 0, MaxResamples) is false)
        {
            error(bootstrap, $"'bootstrap' must be a whole number of resamples from 0 to {MaxResamples}, found {bootstrap!.Scalar}");
        }
        else if (bootstrap is not null && competing && KindInputs.Number(analysis, "bootstrap", 0) > 0)
        {
            error(bootstrap, "'bootstrap': Harrell's optimism correction is available for Cox models (rms::validate); a Fine-Gray model is validated without it");
        }
        var seed = analysis.Parameters.GetValueOrDefault("seed");
        if (KindInputs.WholeNumber(seed, int.MinValue, int.MaxValue) is false)
        {
            error(seed, $"'seed' must be a whole number, found {seed!.Scalar}");
        }
        var times = analysis.Parameters.GetValueOrDefault("times");
        foreach (var text in times?.Values ?? [])
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && !(t > 0 && double.IsFinite(t)))
            {
                error(times, $"'times' must be positive numbers of months, found {text}");
            }
        }
    }

    /// <inheritdoc/>
    public override ModelAnalysis Run(AnalysisDefinition analysis, DataFrame cohort)
    {
        var endpoint = KindInputs.Endpoint(analysis);
        int? cause = ReportWords.CauseNames(endpoint).Count > 0 ? (int)KindInputs.Cause(analysis) : null;
        var times = analysis.Parameters.ContainsKey("times") ? KindInputs.Numbers(analysis, "times") : [.. DefaultTimes];
        var formula = Formula.Parse($"{EndpointNames.Response(endpoint)} ~ {KindInputs.Rhs(analysis)}");
        return ModelAnalysis.Run(cohort, formula, cause, times, analysis.Text("title") ?? analysis.Id,
            (int)KindInputs.Number(analysis, "bootstrap", 0), (int)KindInputs.Number(analysis, "seed", 1));
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Warnings(ModelAnalysis result) => result.Warnings;

    /// <summary>
    /// <c>endpoint</c>, then <c>model</c> (as <c>sarc model fit --json</c>), <c>validation</c> (as <c>sarc model validate
    /// --json</c>, with <c>seed</c> and <c>bootstrap</c> when resampled) and <c>nomogram</c> (as <c>sarc model nomogram
    /// --json</c>, or null).
    /// </summary>
    public override void WriteJson(Utf8JsonWriter writer, ModelAnalysis result, AnalysisDefinition analysis)
    {
        writer.WriteString("endpoint", analysis.Text("endpoint"));
        writer.WriteStartObject("model");
        ModelReport.WriteModel(writer, result.Model);
        writer.WriteEndObject();
        writer.WriteStartObject("validation");
        if (result.Resamples > 0)
        {
            writer.WriteNumber("seed", result.Seed);
        }
        ModelReport.WriteValidation(writer, result.Validation);
        writer.WriteEndObject();
        if (result.Nomogram is { } nomogram)
        {
            writer.WriteStartObject("nomogram");
            ModelReport.WriteNomogram(writer, nomogram);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("nomogram");
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<ReportBlock> Present(ModelAnalysis result, ReportContext context)
    {
        var labels = context.Labels;
        var model = result.Model;
        var validation = result.Validation;
        var cox = model.Kind == PredictionKind.Cox;
        var endpoint = context.Analysis.Text("endpoint");
        var outcome = cox ? ReportWords.Endpoint(endpoint).ToLowerInvariant() : $"the cumulative incidence of {ReportWords.Cause(ReportWords.CauseNames(endpoint), model.Cause)}";
        var blocks = new List<ReportBlock>
        {
            CoefficientTable(result, labels, outcome),
            ValidationTable(result),
        };
        if (validation.Bootstrap is { } bootstrap)
        {
            var rows = new[] { ("C index", bootstrap.Concordance), ("Somers' D", bootstrap.SomersD), ("Calibration slope", bootstrap.Slope) }
                .Select(r => new ReportRow([r.Item1, ReportText.Fixed(r.Item2.Apparent, 3), ReportText.Fixed(r.Item2.Optimism, 3), ReportText.Fixed(r.Item2.Corrected, 3)]))
                .ToArray();
            blocks.Add(new ReportTable("-optimism", ["Index", "Apparent", "Optimism", "Corrected"], rows,
                $"Internal validation by Harrell's bootstrap (as rms::validate): the model refitted on {bootstrap.Successful} of {bootstrap.Requested} resamples (seed {result.Seed.ToString(CultureInfo.InvariantCulture)}); corrected = apparent − optimism."));
        }
        foreach (var at in validation.AtTimes)
        {
            var time = Months(at.Time);
            blocks.Add(new ReportFigure($"-calibration-{time}", new CalibrationFigure(validation, at),
                $"Calibration plot at {time} months",
                $"Calibration at {time} months: mean predicted against observed risk ({(cox ? "1 − Kaplan-Meier" : "Aalen-Johansen cumulative incidence")}) by decile of predicted risk with 95% intervals, the smooth calibration curve and the diagonal. "
                + ReportWords.Counts(validation.Count, validation.Excluded, "missing value of a model term")));
        }
        if (result.Nomogram is { } nomogram)
        {
            blocks.Add(new ReportFigure("-nomogram", new NomogramFigure(nomogram, model.Name ?? context.Analysis.Id, labels.Name), "Nomogram",
                $"Nomogram (as rms::nomogram): the points of each predictor, their total, and the predicted {(cox ? "survival" : "cumulative incidence")} at {string.Join(" and ", model.Times.Select(Months))} months."));
        }
        var fitted = context.Data is { } data && model.FittedOn is { } on ? model with { FittedOn = on with { Data = data.Source, Sha256 = data.Sha256 } } : model;
        blocks.Add(new ReportFile("", ".yaml", ModelFile.ToText(fitted), "model file",
            $"The model as a model file (docs/models.md{(context.Data is null ? "" : ", with the registry snapshot's SHA-256")}), for sarc model apply and sarc model register:"));
        return blocks;
    }

    private static ReportTable CoefficientTable(ModelAnalysis result, ReportLabels labels, string outcome)
    {
        var model = result.Model;
        var cox = model.Kind == PredictionKind.Cox;
        var rows = model.Coefficients.Select(c => new ReportRow(
        [
            Term(c, labels), ReportText.Fixed(c.Estimate, 4), c.StandardError is { } se ? ReportText.Fixed(se, 4) : "NA", ReportText.Fixed(Math.Exp(c.Estimate), 2),
        ])).ToArray();
        var fitted = model.FittedOn!;
        var knots = model.Variables.Where(v => v.Knots is not null)
            .Select(v => $"{labels.Name(v.Name)} at {string.Join(", ", v.Knots!.Select(k => ReportText.Number(k, 4)))}").ToArray();
        var baseline = string.Join("; ", model.Baseline.Select(b => cox
            ? $"{Months(b.Time)} months {ReportText.Fixed(Math.Exp(-b.CumulativeHazard), 3)}"
            : $"{Months(b.Time)} months {ReportText.Number(b.CumulativeHazard, 4)}"));
        var caption = (cox ? $"Cox prediction model of {outcome} (Efron ties, as rms::cph)" : $"Fine-Gray prediction model of {outcome} (as cmprsk::crr)")
            + $", {fitted.Events} events"
            + (knots.Length > 0 ? $"; restricted cubic splines with knots of {string.Join("; ", knots)} (rms's parametrisation: the primed terms are its non-linear parts)" : "")
            + $"; baseline {(cox ? "survival" : "cumulative subdistribution hazard")}: {baseline}. "
            + ReportWords.Counts(fitted.Count, fitted.Excluded, "missing value of a model term");
        return new ReportTable("", ["Term", "Coefficient", "SE", cox ? "HR" : "sHR"], rows, caption);
    }

    private static ReportTable ValidationTable(ModelAnalysis result)
    {
        var validation = result.Validation;
        var cox = result.Model.Kind == PredictionKind.Cox;
        string[] header = cox
            ? ["Months", "Harrell's C", "Uno's C", "AUC", "Brier", "IPA", "Observed", "Predicted", "O/E"]
            : ["Months", "AUC", "Brier", "IPA", "Observed", "Predicted", "O/E"];
        var rows = validation.AtTimes.Select(at =>
        {
            var cells = new List<string> { Months(at.Time) };
            if (cox)
            {
                cells.Add(ReportText.Fixed(at.Harrell!.Index, 3));
                cells.Add(ReportText.Fixed(at.Uno!.Index, 3));
            }
            cells.AddRange([
                ReportText.Fixed(at.Accuracy.Auc, 3), ReportText.Fixed(at.Accuracy.Brier, 3), ReportText.Fixed(at.Accuracy.Ipa, 3),
                ReportText.Fixed(at.InTheLarge.Observed.Risk, 3), ReportText.Fixed(at.InTheLarge.Expected, 3), ReportText.Fixed(at.InTheLarge.Ratio, 2),
            ]);
            return new ReportRow(cells);
        }).ToArray();
        var slope = validation.Slope;
        var caption = $"Apparent performance on the patients the model was fitted on ({validation.Events} events): "
            + (cox ? "Harrell's C, Uno's C to the time, " : "")
            + "time-dependent AUC, Brier score and index of prediction accuracy (as riskRegression::Score), observed against mean predicted risk; "
            + $"calibration slope {ReportText.Fixed(slope.Estimate, 2)} (95% CI {ReportText.Fixed(slope.Lower, 2)}–{ReportText.Fixed(slope.Upper, 2)}). "
            + ReportWords.Counts(validation.Count, validation.Excluded, "missing value of a model term");
        return new ReportTable("-validation", header, rows, caption);
    }

    /// <summary>A coefficient as the table words it: "Age at surgery, years", its spline's "(non-linear 1)", "FNCLCC grade: 3", parts of an interaction joined by ×.</summary>
    private static string Term(ModelCoefficient coefficient, ReportLabels labels) =>
        string.Join(" × ", coefficient.Parts.Select(part =>
        {
            if (part.Level is { } level)
            {
                return labels.Group(part.Variable, level);
            }
            return part.Basis == 0 ? labels.Name(part.Variable) : $"{labels.Name(part.Variable)} (non-linear {part.Basis.ToString(CultureInfo.InvariantCulture)})";
        }));

    /// <summary>Whether a parameter, when given, is a whole number in [min, max] (null when absent or not a number: the parser says so).</summary>
    private static string Months(double time) => ReportText.Number(time, 6);
}
