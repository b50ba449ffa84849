namespace Sarc.Statistics.CompetingRisks;

/// <summary>
/// Gray's (1988) K-sample test that the cumulative incidence of one cause is equal across groups, as a row of
/// <c>cmprsk::cuminc</c>'s <c>Tests</c>.
/// </summary>
/// <param name="Cause">The status code of the cause tested.</param>
/// <param name="ChiSquare">The statistic s' V⁻¹ s; NaN when V is singular (R then reports -1).</param>
/// <param name="DegreesOfFreedom">Number of groups minus one.</param>
/// <param name="P">Upper chi-square tail of <paramref name="ChiSquare"/>; NaN with it.</param>
public sealed record GrayTest(int Cause, double ChiSquare, int DegreesOfFreedom, double P)
    : ChiSquareTest(ChiSquare, DegreesOfFreedom, P);
