using Sarc.Data.Formulas;

namespace Sarc.Data.Models;

/// <summary>
/// How one formula variable entered a model frame: as its numeric value, as a factor with these levels (the first is
/// the reference), or as a restricted cubic spline with these knots. What a model must keep to build the same
/// design on other data.
/// </summary>
/// <param name="Variable">The formula variable.</param>
/// <param name="Levels">A factor's levels in order, the reference first; null otherwise.</param>
/// <param name="Knots">A spline's knots, ascending; null otherwise.</param>
public sealed record VariableCoding(FormulaVariable Variable, IReadOnlyList<string>? Levels, IReadOnlyList<double>? Knots)
{
    /// <summary>True when the variable entered as a factor (<see cref="Levels"/> is set).</summary>
    public bool IsFactor => Levels is not null;

    /// <summary>True when the variable entered as a restricted cubic spline (<see cref="Knots"/> is set).</summary>
    public bool IsSpline => Knots is not null;
}
