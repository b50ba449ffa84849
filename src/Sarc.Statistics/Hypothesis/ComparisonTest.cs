namespace Sarc.Statistics.Hypothesis;

/// <summary>The tests of a Table 1 comparison; <see cref="ComparisonTestNames"/> gives their CLI names.</summary>
public enum ComparisonTest
{
    /// <summary>Welch's t-test, R <c>t.test(x, y)</c>; two groups, continuous. CLI <c>welch_t</c>.</summary>
    WelchT,

    /// <summary>Student's t-test, R <c>t.test(x, y, var.equal = TRUE)</c>; two groups, continuous. CLI <c>t</c>.</summary>
    StudentT,

    /// <summary>Wilcoxon rank-sum, R <c>wilcox.test(x, y)</c>; two groups, continuous. CLI <c>wilcoxon</c>.</summary>
    Wilcoxon,

    /// <summary>Kruskal-Wallis, R <c>kruskal.test</c>; two or more groups, continuous. CLI <c>kruskal</c>.</summary>
    KruskalWallis,

    /// <summary>Pearson chi-square without correction, R <c>chisq.test(correct = FALSE)</c>; categorical. CLI <c>chisq</c>.</summary>
    ChiSquare,

    /// <summary>Fisher's exact test, R <c>fisher.test</c>; categorical. CLI <c>fisher</c>.</summary>
    Fisher,
}
