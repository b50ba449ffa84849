namespace Sarc.Statistics.Survival;

/// <summary>The proportional-hazards test of one model term (a factor is one multi-df term, as R 3.x).</summary>
public sealed record CoxPhTermTest(string Term, double ChiSquare, int DegreesOfFreedom, double P)
    : ChiSquareTest(ChiSquare, DegreesOfFreedom, P);
