namespace Sarc.Statistics.Hypothesis;

/// <summary>
/// Pearson's chi-square test of independence on a contingency table. <see cref="ChiSquareTest.ChiSquare"/> and <see cref="ChiSquareTest.P"/> are
/// NaN when a row or column total is zero (R divides 0 by 0 there too). <see cref="MinimumExpected"/> is the smallest
/// expected count R_i C_j / N; below 5 R warns that the approximation may be incorrect, and so does
/// <see cref="Warnings"/>.
/// </summary>
public sealed record ChiSquareResult(
    double ChiSquare,
    int DegreesOfFreedom,
    double P,
    double MinimumExpected,
    bool YatesCorrected,
    IReadOnlyList<string> Warnings) : ChiSquareTest(ChiSquare, DegreesOfFreedom, P);
