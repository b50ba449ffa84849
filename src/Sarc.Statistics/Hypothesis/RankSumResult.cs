namespace Sarc.Statistics.Hypothesis;

/// <summary>
/// Wilcoxon rank-sum (Mann-Whitney) test, two-sided, as R <c>wilcox.test(x, y)</c>. <see cref="W"/> is the rank sum
/// of x minus nx(nx + 1)/2 (the number of pairs with x &gt; y, ties counting ½). <see cref="Exact"/> tells whether
/// the exact null distribution was used (both samples &lt; 50 and no ties) or the normal approximation with
/// continuity and tie correction.
/// </summary>
public sealed record RankSumResult(double W, double P, bool Exact, IReadOnlyList<string> Warnings);
