using System.Text.Json;
using Sarc.Studies.Json;
using Sarc.Studies.Prediction;

namespace Sarc.Web.Hosting;

/// <summary>The API's predictions of a patient (<c>GET /api/patients/{id}/predictions</c>, docs/api.md).</summary>
internal static class PredictionJson
{
    public static void Write(Utf8JsonWriter w, string patientId, IReadOnlyList<RegisteredPrediction> predictions)
    {
        w.WriteString("patient_id", patientId);
        w.WriteStartArray("models");
        foreach (var p in predictions)
        {
            var registration = p.Registration;
            var model = p.Model;
            w.WriteStartObject();
            w.WriteNumber("id", registration.Id);
            w.WriteString("name", registration.Name);
            w.WriteString("center", registration.Center);
            w.WriteString("sha256", registration.Sha256);
            w.WriteString("kind", model is null ? null : model.Kind == ModelKind.Cox ? "cox" : "finegray");
            w.WriteString("formula", model?.Formula);
            w.WriteString("source", model?.Source);
            if (model?.Kind == ModelKind.FineGray)
            {
                w.WriteNumber("cause", model.Cause);
            }
            var prediction = p.Prediction;
            w.WriteBoolean("predicted", prediction?.IsPredicted == true);
            w.WriteNumberOrNull("linear_predictor", prediction?.LinearPredictor ?? double.NaN);
            w.WriteStartArray("at");
            foreach (var (time, value) in prediction?.AtTimes ?? [])
            {
                w.WriteStartObject();
                w.WriteNumber("time", time);
                w.WriteNumberOrNull(model!.PredictsSurvival ? "survival" : "cumulative_incidence", value);
                w.WriteNumberOrNull("risk", model.PredictsSurvival ? 1 - value : value);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("notes");
            foreach (var note in prediction?.Notes ?? [])
            {
                w.WriteStringValue(note);
            }
            w.WriteEndArray();
            w.WriteString("problem", p.Problem);
            ModelValidationSummary.WriteJson(w, "validation", p.Validation);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
