using Sarc.Statistics.Prediction;

namespace Sarc.Studies.Prediction;

/// <summary>The JSON of the <c>sarc model</c> commands (and, later, of a study's <c>kind: model</c> analyses).</summary>
public static class ModelReport
{
    /// <summary>A fitted model: kind, formula, data, coefficients and baseline.</summary>
    public static void WriteModel(Utf8JsonWriter writer, PredictionModel model)
    {
        writer.WriteString("kind", model.Kind == ModelKind.Cox ? "cox" : "finegray");
        writer.WriteString("formula", model.Formula);
        if (model.Kind == ModelKind.FineGray)
        {
            writer.WriteNumber("cause", model.Cause);
        }
        if (model.FittedOn is { } fitted)
        {
            writer.WriteCounts(fitted.Count, fitted.Events, fitted.Excluded);
        }
        writer.WriteRecord("coefficients", model.Coefficients.Select(c => new ModelCoefficientJson(c.Name, c.Estimate, c.StandardError ?? double.NaN, Math.Exp(c.Estimate))), StudiesJson.Rows);
        writer.WriteNumberOrNull("centring", model.Centring);
        writer.WriteRecord("baseline", model.Baseline.Select(b =>
            new BaselineJson(b.Time, b.CumulativeHazard, model.PredictsSurvival ? Math.Exp(-b.CumulativeHazard) : null)), StudiesJson.Rows);
    }

    /// <summary>A validation: counts, slope, and per time discrimination, accuracy and calibration; the bootstrap table.</summary>
    public static void WriteValidation(Utf8JsonWriter writer, ModelValidationResult result)
    {
        writer.WriteCounts(result.Count, result.Events, result.Excluded);
        writer.WriteNumber("n_extrapolated", result.Extrapolated);
        var slope = result.Slope;
        writer.WriteRecord("calibration_slope", new SlopeJson(slope.Estimate, slope.StandardError, slope.Lower, slope.Upper), StudiesJson.Rows);
        writer.WriteRecord("times", result.AtTimes.Select(AtTimeJson.Of), StudiesJson.Rows);
        if (result.Bootstrap is { } b)
        {
            writer.WriteRecord("bootstrap", new BootstrapJson(b.Requested, b.Successful, b.Concordance, b.SomersD, b.Slope), StudiesJson.Rows);
        }
        WriteWarnings(writer, result.Warnings);
    }

    /// <summary>A decision curve: the observed risk and, per threshold, net benefit of the model and of treating everyone.</summary>
    public static void WriteDecision(Utf8JsonWriter writer, DecisionCurveResult curve)
    {
        writer.WriteNumber("time", curve.Time);
        writer.WriteNumberOrNull("observed_risk", curve.ObservedRisk);
        writer.WriteRecord("thresholds", curve.Points.Select(p => new ThresholdJson(p.Threshold, p.NetBenefit, p.TreatAll, 0, p.FractionAbove)), StudiesJson.Rows);
    }

    /// <summary>A nomogram's scales: points per predictor value, total points, linear predictor and outcome axes.</summary>
    public static void WriteNomogram(Utf8JsonWriter writer, NomogramScaleResult scale)
    {
        writer.WriteNumberOrNull("points_per_unit_lp", scale.Scale);
        writer.WriteNumberOrNull("intercept", scale.Intercept);
        writer.WriteRecord("predictors", scale.Axes.Select(axis =>
            new PredictorJson(axis.Name, axis.Labels.Select((label, i) => new PredictorValueJson(label, axis.Points[i])))), StudiesJson.Rows);
        writer.WriteNumbersOrNull("total_points", scale.TotalPoints);
        writer.WriteRecord("linear_predictor", new AxisJson(scale.LinearPredictor, scale.LinearPredictorPoints), StudiesJson.Rows);
        writer.WriteRecord("outcomes", scale.Outcomes.Select(o =>
            new OutcomeJson(o.Label, o.Time, o.Survival ? "survival" : "cumulative_incidence", o.Probabilities, o.Points)), StudiesJson.Rows);
    }

    /// <summary>The <c>warnings</c> array (always present, possibly empty).</summary>
    public static void WriteWarnings(Utf8JsonWriter writer, IEnumerable<string> warnings) =>
        writer.WriteStrings("warnings", warnings);

    // The JSON rows of the model commands, each declared once (SarcJson.Records: snake_case, NaN as null).
    internal sealed record ModelCoefficientJson(string Term, double Coef, double Se, double Hr);

    internal sealed record BaselineJson(double Time, double CumulativeHazard, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Survival);

    internal sealed record SlopeJson(double Estimate, double Se, double Lower, double Upper);

    internal sealed record InTheLargeJson(double Observed, double ObservedLower, double ObservedUpper, double Expected, double ObservedExpectedRatio);

    internal sealed record DecileJson(int Group, int N, int Events, double Predicted, double Observed, double ObservedLower, double ObservedUpper);

    internal sealed record SmoothJson(double[] Predicted, double[] Observed);

    internal sealed record AtTimeJson(
        double Time,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? HarrellC,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? UnoC,
        double Auc, double Brier, double BrierNull, double Ipa, InTheLargeJson CalibrationInTheLarge, IEnumerable<DecileJson> Deciles,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SmoothJson? Smooth)
    {
        public static AtTimeJson Of(ModelValidationAtTime at)
        {
            var large = at.InTheLarge;
            var accuracy = at.Accuracy;
            return new(at.Time, at.Harrell?.Index, at.Uno?.Index, accuracy.Auc, accuracy.Brier, accuracy.NullBrier, accuracy.Ipa,
                new(large.Observed.Risk, large.Observed.Lower, large.Observed.Upper, large.Expected, large.Ratio),
                at.Groups.Select(g => new DecileJson(g.Group, g.Count, g.Events, g.Predicted, g.Observed.Risk, g.Observed.Lower, g.Observed.Upper)),
                at.Smooth is { } smooth ? new(smooth.Predicted, smooth.Observed) : null);
        }
    }

    internal sealed record BootstrapJson(int Resamples, int Successful, OptimismRow CIndex, OptimismRow SomersD, OptimismRow CalibrationSlope);

    internal sealed record ThresholdJson(double Threshold, double NetBenefit, double TreatAll, int TreatNone, double FractionAbove);

    internal sealed record PredictorValueJson(string Value, double Points);

    internal sealed record PredictorJson(string Name, IEnumerable<PredictorValueJson> Values);

    internal sealed record AxisJson(double[] Values, double[] Points);

    internal sealed record OutcomeJson(string Label, double Time, string Scale, double[] Probabilities, double[] Points);
}
