namespace Sarc.Statistics.Prediction;

/// <summary>An outcome axis to place on a nomogram: survival or cumulative incidence at one time.</summary>
/// <param name="Label">The axis title.</param>
/// <param name="Time">The time.</param>
/// <param name="Survival">True for survival exp(−H e^lp), false for cumulative incidence 1 − exp(−H e^lp).</param>
/// <param name="CumulativeHazard">H: the baseline cumulative (subdistribution) hazard at the time, at lp = 0.</param>
/// <param name="Probabilities">The probabilities to label.</param>
public sealed record NomogramOutcomeInput(string Label, double Time, bool Survival, double CumulativeHazard, IReadOnlyList<double> Probabilities);
