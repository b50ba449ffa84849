using Sarc.Registry.Domain;
using Sarc.Registry.Models;
using Sarc.Studies.Running;

namespace Sarc.Studies.Prediction;

/// <summary>
/// The predictions of the registered models for a patient record: the patient's covariates from the study dataset
/// (<see cref="StudyData.FromRecords"/>, the studies' own derivation), each model applied as <c>sarc model apply</c>
/// applies it (<see cref="ModelPredictions.Of"/>), with the notes that stop a prediction outside what the model saw
/// from passing silently.
/// </summary>
public static class RegisteredPredictions
{
    /// <summary>The prediction of each of <paramref name="models"/> for <paramref name="record"/>, in their order.</summary>
    /// <remarks>The caller chooses the models (those registered for the patient's center) and has checked the user may see the patient.</remarks>
    public static IReadOnlyList<RegisteredPrediction> For(PatientRecord record, IReadOnlyList<StoredModel> models)
    {
        if (models.Count == 0)
        {
            return [];
        }
        var row = StudyData.FromRecords([record], $"patient {record.Id}");
        var predictions = new List<RegisteredPrediction>(models.Count);
        foreach (var stored in models)
        {
            var validation = ReadValidation(stored);
            PredictionModel model;
            try
            {
                model = ModelFile.Parse(stored.Model, $"registered model '{stored.Name}'");
            }
            catch (DataInputException e)
            {
                predictions.Add(new RegisteredPrediction(stored, null, null, validation, $"the registered model cannot be read: {e.Message}"));
                continue;
            }
            try
            {
                var applied = ModelPredictions.Of(model, row);
                var prediction = new PatientPrediction(
                    applied.Evaluation.LinearPredictor[0],
                    [.. model.Times.Select((t, j) => (t, applied.Values[j][0]))],
                    applied.Evaluation.Notes[0]);
                predictions.Add(new RegisteredPrediction(stored, model, prediction, validation, null));
            }
            catch (DataInputException e)
            {
                predictions.Add(new RegisteredPrediction(stored, model, null, validation, e.Message));
            }
        }
        return predictions;
    }

    private static ModelValidationSummary? ReadValidation(StoredModel stored)
    {
        if (stored.Validation is null)
        {
            return null;
        }
        try
        {
            return ModelValidationSummary.Parse(stored.Validation);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
