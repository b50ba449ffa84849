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
        writer.WriteStartArray("coefficients");
        foreach (var c in model.Coefficients)
        {
            writer.WriteStartObject();
            writer.WriteString("term", c.Name);
            writer.WriteNumberOrNull("coef", c.Estimate);
            writer.WriteNumberOrNull("se", c.StandardError ?? double.NaN);
            writer.WriteNumberOrNull("hr", Math.Exp(c.Estimate));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteNumberOrNull("centring", model.Centring);
        writer.WriteStartArray("baseline");
        foreach (var b in model.Baseline)
        {
            writer.WriteStartObject();
            writer.WriteNumber("time", b.Time);
            writer.WriteNumberOrNull("cumulative_hazard", b.CumulativeHazard);
            if (model.PredictsSurvival)
            {
                writer.WriteNumberOrNull("survival", Math.Exp(-b.CumulativeHazard));
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>A validation: counts, slope, and per time discrimination, accuracy and calibration; the bootstrap table.</summary>
    public static void WriteValidation(Utf8JsonWriter writer, ModelValidationResult result)
    {
        writer.WriteCounts(result.Count, result.Events, result.Excluded);
        writer.WriteNumber("n_extrapolated", result.Extrapolated);
        writer.WriteStartObject("calibration_slope");
        writer.WriteNumberOrNull("estimate", result.Slope.Estimate);
        writer.WriteNumberOrNull("se", result.Slope.StandardError);
        writer.WriteNumberOrNull("lower", result.Slope.Lower);
        writer.WriteNumberOrNull("upper", result.Slope.Upper);
        writer.WriteEndObject();
        writer.WriteStartArray("times");
        foreach (var at in result.AtTimes)
        {
            writer.WriteStartObject();
            writer.WriteNumber("time", at.Time);
            if (at.Harrell is { } harrell)
            {
                writer.WriteNumberOrNull("harrell_c", harrell.Index);
            }
            if (at.Uno is { } uno)
            {
                writer.WriteNumberOrNull("uno_c", uno.Index);
            }
            writer.WriteNumberOrNull("auc", at.Accuracy.Auc);
            writer.WriteNumberOrNull("brier", at.Accuracy.Brier);
            writer.WriteNumberOrNull("brier_null", at.Accuracy.NullBrier);
            writer.WriteNumberOrNull("ipa", at.Accuracy.Ipa);
            writer.WriteStartObject("calibration_in_the_large");
            WriteObserved(writer, at.InTheLarge.Observed);
            writer.WriteNumberOrNull("expected", at.InTheLarge.Expected);
            writer.WriteNumberOrNull("observed_expected_ratio", at.InTheLarge.Ratio);
            writer.WriteEndObject();
            writer.WriteStartArray("deciles");
            foreach (var g in at.Groups)
            {
                writer.WriteStartObject();
                writer.WriteNumber("group", g.Group);
                writer.WriteNumber("n", g.Count);
                writer.WriteNumber("events", g.Events);
                writer.WriteNumberOrNull("predicted", g.Predicted);
                WriteObserved(writer, g.Observed);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            if (at.Smooth is { } smooth)
            {
                writer.WriteStartObject("smooth");
                writer.WriteNumbersOrNull("predicted", smooth.Predicted);
                writer.WriteNumbersOrNull("observed", smooth.Observed);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        if (result.Bootstrap is { } bootstrap)
        {
            writer.WriteStartObject("bootstrap");
            writer.WriteNumber("resamples", bootstrap.Requested);
            writer.WriteNumber("successful", bootstrap.Successful);
            WriteRow(writer, "c_index", bootstrap.Concordance);
            WriteRow(writer, "somers_d", bootstrap.SomersD);
            WriteRow(writer, "calibration_slope", bootstrap.Slope);
            writer.WriteEndObject();
        }
        WriteWarnings(writer, result.Warnings);
    }

    /// <summary>A decision curve: the observed risk and, per threshold, net benefit of the model and of treating everyone.</summary>
    public static void WriteDecision(Utf8JsonWriter writer, DecisionCurveResult curve)
    {
        writer.WriteNumber("time", curve.Time);
        writer.WriteNumberOrNull("observed_risk", curve.ObservedRisk);
        writer.WriteStartArray("thresholds");
        foreach (var p in curve.Points)
        {
            writer.WriteStartObject();
            writer.WriteNumber("threshold", p.Threshold);
            writer.WriteNumberOrNull("net_benefit", p.NetBenefit);
            writer.WriteNumberOrNull("treat_all", p.TreatAll);
            writer.WriteNumber("treat_none", 0);
            writer.WriteNumberOrNull("fraction_above", p.FractionAbove);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>A nomogram's scales: points per predictor value, total points, linear predictor and outcome axes.</summary>
    public static void WriteNomogram(Utf8JsonWriter writer, NomogramScaleResult scale)
    {
        writer.WriteNumberOrNull("points_per_unit_lp", scale.Scale);
        writer.WriteNumberOrNull("intercept", scale.Intercept);
        writer.WriteStartArray("predictors");
        foreach (var axis in scale.Axes)
        {
            writer.WriteStartObject();
            writer.WriteString("name", axis.Name);
            writer.WriteStartArray("values");
            for (var i = 0; i < axis.Labels.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("value", axis.Labels[i]);
                writer.WriteNumberOrNull("points", axis.Points[i]);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteNumbersOrNull("total_points", scale.TotalPoints);
        writer.WriteStartObject("linear_predictor");
        writer.WriteNumbersOrNull("values", scale.LinearPredictor);
        writer.WriteNumbersOrNull("points", scale.LinearPredictorPoints);
        writer.WriteEndObject();
        writer.WriteStartArray("outcomes");
        foreach (var outcome in scale.Outcomes)
        {
            writer.WriteStartObject();
            writer.WriteString("label", outcome.Label);
            writer.WriteNumber("time", outcome.Time);
            writer.WriteString("scale", outcome.Survival ? "survival" : "cumulative_incidence");
            writer.WriteNumbersOrNull("probabilities", outcome.Probabilities);
            writer.WriteNumbersOrNull("points", outcome.Points);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>The <c>warnings</c> array (always present, possibly empty).</summary>
    public static void WriteWarnings(Utf8JsonWriter writer, IEnumerable<string> warnings) =>
        writer.WriteStrings("warnings", warnings);

    private static void WriteObserved(Utf8JsonWriter writer, ObservedRisk observed)
    {
        writer.WriteNumberOrNull("observed", observed.Risk);
        writer.WriteNumberOrNull("observed_lower", observed.Lower);
        writer.WriteNumberOrNull("observed_upper", observed.Upper);
    }

    private static void WriteRow(Utf8JsonWriter writer, string name, OptimismRow row)
    {
        writer.WriteStartObject(name);
        writer.WriteNumberOrNull("apparent", row.Apparent);
        writer.WriteNumberOrNull("training", row.Training);
        writer.WriteNumberOrNull("test", row.Test);
        writer.WriteNumberOrNull("optimism", row.Optimism);
        writer.WriteNumberOrNull("corrected", row.Corrected);
        writer.WriteNumber("resamples", row.Resamples);
        writer.WriteEndObject();
    }
}
