namespace Sarc.Studies.Prediction;

/// <summary>One patient's prediction: the linear predictor and, at each model time, survival (Cox) or cumulative incidence (Fine-Gray).</summary>
/// <param name="LinearPredictor">NaN when the patient cannot be predicted (a missing value or an unknown level).</param>
/// <param name="AtTimes">(time, value) per model time; values NaN when not predicted.</param>
/// <param name="Notes">What is missing, unknown or outside the range the model was fitted on; empty when nothing.</param>
public sealed record PatientPrediction(double LinearPredictor, IReadOnlyList<(double Time, double Value)> AtTimes, IReadOnlyList<string> Notes)
{
    /// <summary>Whether the model could predict for the patient.</summary>
    public bool IsPredicted => double.IsFinite(LinearPredictor);
}
