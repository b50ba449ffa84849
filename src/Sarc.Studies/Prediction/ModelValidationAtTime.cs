using Sarc.Statistics.Prediction;

namespace Sarc.Studies.Prediction;

/// <summary>A model's validation at one time.</summary>
/// <param name="Time">The time.</param>
/// <param name="Harrell">Harrell's C (Cox models; null for Fine-Gray, where the AUC is the discrimination measure).</param>
/// <param name="Uno">Uno's C with τ = the time (Cox models; null for Fine-Gray).</param>
/// <param name="Accuracy">Time-dependent AUC, Brier score and IPA.</param>
/// <param name="InTheLarge">Observed against mean predicted risk.</param>
/// <param name="Groups">The calibration table in deciles of predicted risk.</param>
/// <param name="Smooth">The smooth calibration curve, or null when it cannot be drawn.</param>
public sealed record ModelValidationAtTime(
    double Time, ConcordanceResult? Harrell, ConcordanceResult? Uno, PredictionAccuracyResult Accuracy,
    CalibrationInTheLarge InTheLarge, IReadOnlyList<CalibrationGroup> Groups, SmoothCalibrationCurve? Smooth);
