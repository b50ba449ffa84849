using Sarc.Studies.Data;

namespace Sarc.Studies.Prediction;

/// <summary>
/// What <c>sarc model register</c> checks and measures before a model goes into the registry: that the registry's
/// study dataset has every variable the model reads (else no patient record could be predicted), and the model's
/// validation on the registry's patients it will serve, kept with it (<see cref="ModelValidationSummary"/>).
/// </summary>
public static class ModelRegistration
{
    /// <summary>Throws unless every variable of <paramref name="model"/> is a column the registry's study dataset derives.</summary>
    /// <exception cref="DataInputException">A variable the registry has no column for (the message names it, <paramref name="source"/> and the columns there are).</exception>
    public static void RequireRegistryColumns(PredictionModel model, string source)
    {
        foreach (var variable in model.Variables)
        {
            if (!StudyFields.Registry.Contains(variable.Name))
            {
                throw new DataInputException(
                    $"{source}: the model reads '{variable.Name}', which is not a column of the registry's study dataset ({string.Join(", ", StudyFields.Registry)}): a patient record could not be predicted");
            }
        }
    }

    /// <summary>
    /// Validates <paramref name="model"/> at its times on the patients of <paramref name="dataset"/> (the registry's
    /// study dataset) of <paramref name="center"/> (null: all), as <c>sarc model validate</c>; a validation that cannot
    /// be made (no patient of the center, no events, an outcome column the dataset lacks, a time beyond the follow-up)
    /// is a summary that says why.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="dataset">The registry's study dataset.</param>
    /// <param name="center">The center whose patients the model is for, or null.</param>
    /// <param name="data">How the registry is named (file name, or "PostgreSQL registry").</param>
    /// <param name="sha256">The SHA-256 of the registry's canonical export (its data snapshot).</param>
    /// <param name="when">Now.</param>
    public static ModelValidationSummary Validate(PredictionModel model, DataFrame dataset, string? center, string data, string? sha256, DateTimeOffset when)
    {
        var rows = dataset;
        if (center is not null)
        {
            var centers = dataset.Column("center");
            rows = dataset.SelectRows([.. Enumerable.Range(0, dataset.RowCount).Where(i => centers.TextAt(i) == center)]);
        }
        if (rows.RowCount == 0)
        {
            return ModelValidationSummary.Failed(data, sha256, when, center, $"the registry has no patient of {(center is null ? "any center" : "center " + center)} yet");
        }
        try
        {
            var result = ModelValidation.Validate(model, rows, model.Times);
            if (result.Events == 0)
            {
                return ModelValidationSummary.Failed(data, sha256, when, center, $"no event of the outcome among the {result.Count} patients");
            }
            return ModelValidationSummary.Of(result, data, sha256, when, center);
        }
        catch (DataInputException e)
        {
            return ModelValidationSummary.Failed(data, sha256, when, center, e.Message);
        }
    }
}
