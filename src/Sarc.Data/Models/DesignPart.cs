using Sarc.Data.Formulas;

namespace Sarc.Data.Models;

/// <summary>
/// One factor of a design column: a variable's value (<see cref="Basis"/> 0), a spline's non-linear basis term
/// <see cref="Basis"/> (1 … k − 2), or a factor's indicator of <see cref="Level"/>. A design column is the product
/// of its parts (one part for a main effect).
/// </summary>
/// <param name="Variable">The formula variable.</param>
/// <param name="Level">For a factor, the level whose indicator this is; else null.</param>
/// <param name="Basis">For a spline, the basis column (0 = x itself); 0 for a plain number or a factor.</param>
public sealed record DesignPart(FormulaVariable Variable, string? Level, int Basis);
