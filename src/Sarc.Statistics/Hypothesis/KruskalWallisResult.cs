namespace Sarc.Statistics.Hypothesis;

/// <summary>The Kruskal-Wallis rank-sum test: tie-corrected H, df = groups - 1, p = P(χ²_df &gt; H); as R <c>kruskal.test</c>.</summary>
public sealed record KruskalWallisResult(double Statistic, int DegreesOfFreedom, double P);
