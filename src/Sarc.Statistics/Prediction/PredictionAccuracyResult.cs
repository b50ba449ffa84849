namespace Sarc.Statistics.Prediction;

/// <summary>The scores of predicted risks at one time, as <c>riskRegression::Score</c> reports them.</summary>
/// <param name="Time">The prediction time t.</param>
/// <param name="Auc">Time-dependent (cumulative/dynamic) AUC with IPCW; NaN without a case by t.</param>
/// <param name="Brier">IPCW Brier score of the predictions.</param>
/// <param name="NullBrier">Brier score of the null model, which predicts the observed risk at t for everyone.</param>
/// <param name="Ipa">Index of prediction accuracy, 1 − Brier / NullBrier.</param>
/// <param name="NullRisk">The null model's prediction: 1 − Kaplan-Meier (or the Aalen-Johansen incidence) at t.</param>
public sealed record PredictionAccuracyResult(double Time, double Auc, double Brier, double NullBrier, double Ipa, double NullRisk);
