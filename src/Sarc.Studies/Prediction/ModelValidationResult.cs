using Sarc.Statistics.Prediction;

namespace Sarc.Studies.Prediction;

/// <summary>A model validated on a table (see <see cref="ModelValidation"/>).</summary>
/// <param name="Model">The model validated.</param>
/// <param name="Count">Patients used.</param>
/// <param name="Events">Events of the cause predicted among them.</param>
/// <param name="Excluded">Rows left out (a missing predictor or outcome, or an unknown level).</param>
/// <param name="Extrapolated">Patients with a value outside the range the model was fitted on (kept, and flagged).</param>
/// <param name="Slope">The calibration slope.</param>
/// <param name="AtTimes">Discrimination and calibration at each time asked for.</param>
/// <param name="Bootstrap">Harrell's optimism correction (Cox models, with --bootstrap), or null.</param>
/// <param name="Warnings">What the reader must know (rows left out, extrapolation).</param>
public sealed record ModelValidationResult(
    PredictionModel Model, int Count, int Events, int Excluded, int Extrapolated, CalibrationSlope Slope,
    IReadOnlyList<ModelValidationAtTime> AtTimes, OptimismBootstrapResult? Bootstrap, IReadOnlyList<string> Warnings);
