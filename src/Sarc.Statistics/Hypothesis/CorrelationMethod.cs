namespace Sarc.Statistics.Hypothesis;

/// <summary>The correlation coefficient of <see cref="CorrelationTest"/>: R cor.test's <c>method</c>.</summary>
public enum CorrelationMethod
{
    /// <summary>Pearson's product-moment correlation.</summary>
    Pearson,

    /// <summary>Spearman's rho: Pearson's correlation of average ranks.</summary>
    Spearman,
}
