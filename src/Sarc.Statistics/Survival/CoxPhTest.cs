namespace Sarc.Statistics.Survival;

/// <summary>
/// The Grambsch-Therneau score test of proportional hazards, as R's <c>cox.zph(fit, transform = "km")</c>:
/// one row per term and the global test.
/// </summary>
public sealed record CoxPhTest(IReadOnlyList<CoxPhTermTest> Terms, ChiSquareTest Global);
