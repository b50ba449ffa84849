namespace Sarc.Statistics.CompetingRisks;

/// <summary>The result of <see cref="CumulativeIncidence.Fit"/>.</summary>
/// <param name="Count">Number of observations used.</param>
/// <param name="Causes">The distinct causes (status codes other than 0) seen in the data, ascending.</param>
/// <param name="Groups">The group codes that have at least one observation, ascending (as cuminc drops empty levels).</param>
/// <param name="Curves">One curve per cause and group, cause-major (all groups of the first cause, then the next), as cuminc lists them.</param>
/// <param name="Tests">Gray's test for each cause, in <see cref="Causes"/> order; empty with fewer than two groups.</param>
/// <param name="Warnings">Statistical trouble worth telling the user (a singular test variance).</param>
public sealed record CumulativeIncidenceResult(
    int Count,
    int[] Causes,
    int[] Groups,
    IReadOnlyList<IncidenceCurve> Curves,
    IReadOnlyList<GrayTest> Tests,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The curve of <paramref name="cause"/> in <paramref name="group"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such cause or group in the data.</exception>
    public IncidenceCurve Curve(int group, int cause)
    {
        foreach (var curve in Curves)
        {
            if (curve.Group == group && curve.Cause == cause)
            {
                return curve;
            }
        }
        throw new KeyNotFoundException($"No curve for group {group} and cause {cause}.");
    }
}
