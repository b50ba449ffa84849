using Sarc.Registry.Models;

namespace Sarc.Studies.Prediction;

/// <summary>
/// One registered model's prediction for one patient, as the patient record and the API show it: the registration,
/// the model read from it, the prediction at each model time with its notes (a value outside the fitted range, an
/// unknown level, a missing value), and the model's validation on the registry; or why there is no prediction.
/// </summary>
/// <param name="Registration">The model as registered.</param>
/// <param name="Model">The model read from the registration; null when it cannot be read.</param>
/// <param name="Prediction">The patient's prediction (<see cref="PatientPrediction.IsPredicted"/> false when a value is missing or unknown); null with <see cref="Problem"/>.</param>
/// <param name="Validation">The validation made when it was registered, or null.</param>
/// <param name="Problem">Why the model gives nothing for anyone (it cannot be read, or reads a column the registry lacks), or null.</param>
public sealed record RegisteredPrediction(StoredModel Registration, PredictionModel? Model, PatientPrediction? Prediction, ModelValidationSummary? Validation, string? Problem);
