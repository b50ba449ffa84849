namespace Sarc.Studies.Prediction;

/// <summary>A model's validation figures at one time (NaN where not defined: Harrell's and Uno's C of a Fine-Gray model, no events).</summary>
/// <param name="Time">The model time.</param>
/// <param name="HarrellC">Harrell's C.</param>
/// <param name="UnoC">Uno's C with τ = the time.</param>
/// <param name="Auc">Time-dependent AUC.</param>
/// <param name="Brier">Brier score.</param>
/// <param name="Ipa">Index of prediction accuracy.</param>
/// <param name="Observed">Observed risk (1 − Kaplan-Meier, or the Aalen-Johansen incidence).</param>
/// <param name="Expected">Mean predicted risk.</param>
/// <param name="ObservedExpected">Observed / expected.</param>
/// <remarks>Written and read as JSON through <c>SarcJson.Records</c> (a registered model's stored validation, the API).</remarks>
public sealed record ValidationFigures(double Time, double HarrellC, double UnoC, double Auc, double Brier, double Ipa, double Observed, double Expected,
    [property: JsonPropertyName("observed_expected_ratio")] double ObservedExpected)
{
    /// <summary>The figures of a validation at one time.</summary>
    public static ValidationFigures Of(ModelValidationAtTime at) =>
        new(at.Time, at.Harrell?.Index ?? double.NaN, at.Uno?.Index ?? double.NaN, at.Accuracy.Auc, at.Accuracy.Brier, at.Accuracy.Ipa,
            at.InTheLarge.Observed.Risk, at.InTheLarge.Expected, at.InTheLarge.Ratio);
}
