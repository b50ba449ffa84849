namespace Sarc.Studies.Prediction;

/// <summary>
/// A variable of a prediction model: the data column it reads, how it enters, and what the model saw of it (the
/// range and, when few, the distinct values of a numeric variable; a factor's levels), so that a prediction outside
/// what the model was fitted on is flagged instead of extrapolated silently.
/// </summary>
/// <param name="Name">The data column.</param>
/// <param name="Type">How it enters.</param>
/// <param name="Levels">A factor's levels, the reference first; null otherwise.</param>
/// <param name="Knots">A spline's knots, ascending; null otherwise.</param>
/// <param name="Minimum">Smallest value the model was fitted on (numeric and spline); null when not known (a published model).</param>
/// <param name="Maximum">Largest value the model was fitted on; null when not known.</param>
/// <param name="Values">The distinct values when there were at most 10 (rms's datadist: the nomogram shows each); else null.</param>
public sealed record ModelVariable(
    string Name,
    ModelVariableType Type,
    IReadOnlyList<string>? Levels = null,
    IReadOnlyList<double>? Knots = null,
    double? Minimum = null,
    double? Maximum = null,
    IReadOnlyList<double>? Values = null);
