using System.Collections.Immutable;

namespace Sarc.Statistics.Survival;

/// <summary>
/// The log-rank test of equal survival across groups, as R <c>survdiff(Surv(time, status) ~ group)</c>.
/// </summary>
/// <param name="ChiSquare">The quadratic form (O - E)' V⁻ (O - E) over groups with expected events &gt; 0 (one dropped); 0 when fewer than two such groups.</param>
/// <param name="DegreesOfFreedom">Groups with expected events &gt; 0, minus one (R's df; -1 when nothing is expected, 0 with one such group).</param>
/// <param name="P">P(χ²_df &gt; ChiSquare); 1 when df = 0 and NaN when df &lt; 0, as R's <c>pchisq</c>.</param>
/// <param name="Observed">Observed events per group code.</param>
/// <param name="Expected">Expected events per group code under the null hypothesis.</param>
/// <param name="Warnings">Statistical trouble worth telling the user about (groups left out of the test).</param>
public sealed record LogRankResult(
    double ChiSquare,
    int DegreesOfFreedom,
    double P,
    ImmutableArray<double> Observed,
    ImmutableArray<double> Expected,
    ImmutableArray<string> Warnings) : ChiSquareTest(ChiSquare, DegreesOfFreedom, P);
