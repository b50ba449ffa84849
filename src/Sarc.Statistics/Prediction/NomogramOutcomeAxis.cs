namespace Sarc.Statistics.Prediction;

/// <summary>An outcome axis of a nomogram: the probabilities shown and the total points at which each sits.</summary>
/// <param name="Label">The axis title.</param>
/// <param name="Time">The time of the probability.</param>
/// <param name="Survival">Survival (true) or cumulative incidence (false).</param>
/// <param name="Probabilities">The probabilities shown.</param>
/// <param name="Points">Total points at each probability.</param>
public sealed record NomogramOutcomeAxis(string Label, double Time, bool Survival, double[] Probabilities, double[] Points);
