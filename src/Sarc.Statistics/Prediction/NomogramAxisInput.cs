namespace Sarc.Statistics.Prediction;

/// <summary>One predictor of a nomogram: its axis labels and the predictor's effect (its part of xβ) at each.</summary>
/// <param name="Name">The predictor's name.</param>
/// <param name="Labels">The axis values as shown (numbers or factor levels).</param>
/// <param name="Effects">The effect at each label, in the same order.</param>
public sealed record NomogramAxisInput(string Name, IReadOnlyList<string> Labels, double[] Effects);
