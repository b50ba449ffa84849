namespace Sarc.Studies.Prediction;

/// <summary>
/// The baseline at one model time: the cumulative hazard H₀(t) at lp = 0 (Cox; the file shows the baseline survival
/// exp(−H₀)) or the cumulative subdistribution hazard Λ₀(t) (Fine-Gray).
/// </summary>
/// <param name="Time">The time, in the unit of the data (months in Sarc).</param>
/// <param name="CumulativeHazard">H₀(t) or Λ₀(t).</param>
public sealed record BaselinePoint(double Time, double CumulativeHazard);
