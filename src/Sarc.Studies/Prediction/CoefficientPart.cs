namespace Sarc.Studies.Prediction;

/// <summary>
/// One factor of what a coefficient multiplies: a variable's value (<see cref="Basis"/> 0), a spline's non-linear
/// basis term <see cref="Basis"/> (1 … k − 2), or the indicator that a factor is at <see cref="Level"/>.
/// </summary>
/// <param name="Variable">The variable's name (its data column).</param>
/// <param name="Level">For a factor, the level; else null.</param>
/// <param name="Basis">For a spline, the basis column (0 = x itself); 0 otherwise.</param>
public sealed record CoefficientPart(string Variable, string? Level = null, int Basis = 0);
