namespace Sarc.Statistics.Hypothesis;

/// <summary>
/// Everything <c>sarc table2x2</c> reports about one 2 x 2 table; each member names its R equivalent.
/// </summary>
/// <param name="Table">The table analysed.</param>
/// <param name="FisherP">Two-sided Fisher exact p, R <c>fisher.test(x)$p.value</c>.</param>
/// <param name="FisherMidP">Two-sided mid-p (docs/methods/tests.md).</param>
/// <param name="ChiSquare">Pearson chi-square without correction, R <c>chisq.test(x, correct = FALSE)</c>.</param>
/// <param name="ChiSquareYates">With Yates' correction, R <c>chisq.test(x)</c>.</param>
/// <param name="OddsRatio">Sample odds ratio ad / bc with Woolf's logit interval exp(log OR ± z √(1/a + 1/b + 1/c + 1/d));
/// 0, +∞ or NaN at zero cells exactly as R's floating point gives them (no 0.5 added).</param>
/// <param name="ConditionalOddsRatio">Conditional MLE and exact interval, R <c>fisher.test(x)$estimate</c>, <c>$conf.int</c>.</param>
/// <param name="Warnings">Statistical trouble: small expected counts, zero cells.</param>
public sealed record TwoByTwoResult(
    TwoByTwoTable Table,
    double FisherP,
    double FisherMidP,
    ChiSquareResult ChiSquare,
    ChiSquareResult ChiSquareYates,
    IntervalEstimate OddsRatio,
    IntervalEstimate ConditionalOddsRatio,
    IReadOnlyList<string> Warnings);
