namespace Sarc.Statistics.Prediction;

/// <summary>A decision curve at one time; treating no one has net benefit 0 at every threshold.</summary>
/// <param name="Time">The time t of the risk.</param>
/// <param name="ObservedRisk">Observed risk at t among all patients (what treat-all rests on).</param>
/// <param name="Points">One point per threshold, in the order given.</param>
public sealed record DecisionCurveResult(double Time, double ObservedRisk, IReadOnlyList<DecisionCurvePoint> Points);
