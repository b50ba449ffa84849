namespace Sarc.Statistics.Prediction;

/// <summary>
/// Where a restricted cubic spline's knots go: the knots, or why there are none. A user's data can ask for knots
/// that do not exist (too few distinct values), so that is a result, not an exception.
/// </summary>
/// <param name="Knots">The knots, ascending and distinct (at least 3); null when <paramref name="Error"/> is set.</param>
/// <param name="Warning">What R warns about on the way (fewer knots than asked for), or null.</param>
/// <param name="Error">Why no knots could be placed, in R's words, or null.</param>
public sealed record KnotPlacement(double[]? Knots, string? Warning, string? Error)
{
    internal static KnotPlacement Failed(string error) => new(null, null, error);
}
