namespace Sarc.Statistics.Prediction;

/// <summary>A predictor's axis of a nomogram: its labels and the points each is worth.</summary>
/// <param name="Name">The predictor.</param>
/// <param name="Labels">The axis values as shown.</param>
/// <param name="Points">Points at each label.</param>
public sealed record NomogramAxis(string Name, IReadOnlyList<string> Labels, double[] Points);
