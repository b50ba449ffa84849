namespace Sarc.Studies.Analyses;

/// <summary>
/// The Cox model of one transition of a multistate analysis (clock forward, as R's <c>coxph</c> on the intervals spent
/// in <paramref name="From"/> with the event "moved to <paramref name="To"/>"): either <paramref name="Model"/> or, when
/// it could not be fitted (too few events, a constant covariate), a one-line <paramref name="Error"/>.
/// </summary>
public sealed record TransitionModel(string From, string To, CoxAnalysis? Model, string? Error);
