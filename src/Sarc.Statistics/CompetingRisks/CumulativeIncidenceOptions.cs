namespace Sarc.Statistics.CompetingRisks;

/// <summary>Options of <see cref="CumulativeIncidence.Fit"/>.</summary>
public sealed record CumulativeIncidenceOptions
{
    /// <summary>The defaults: <c>rho = 0</c>, as <c>cuminc</c>.</summary>
    public static CumulativeIncidenceOptions Default { get; } = new();

    /// <summary>Power of the weight (1 - F(t-))^rho in Gray's test; 0 (the default) as <c>cuminc(rho = 0)</c>.</summary>
    public double Rho { get; init; }
}
