namespace Sarc.Statistics.Prediction;

/// <summary>One group of a calibration table: patients with similar predicted risk, their mean prediction and what was observed.</summary>
/// <param name="Group">1-based group number, lowest predicted risks first.</param>
/// <param name="Count">Patients in the group.</param>
/// <param name="Events">Events of the cause by t in the group.</param>
/// <param name="Predicted">Mean predicted risk.</param>
/// <param name="Observed">Observed risk at t with its 95 % interval.</param>
public sealed record CalibrationGroup(int Group, int Count, int Events, double Predicted, ObservedRisk Observed);
