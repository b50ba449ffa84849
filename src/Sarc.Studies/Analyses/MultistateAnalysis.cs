using Sarc.Statistics.Multistate;

namespace Sarc.Studies.Analyses;

/// <summary>Aalen-Johansen state occupancy of one set of patients, as <c>sarc multistate</c> reports it.</summary>
/// <param name="Excluded">Rows left out for a missing id, start or stop.</param>
/// <param name="Rows">Intervals used.</param>
/// <param name="States">State names; index 0 is <see cref="MultistateReport.EntryState"/>.</param>
/// <param name="Result">The estimator's output, states in the order of <paramref name="States"/>.</param>
public sealed record MultistateAnalysis(int Excluded, int Rows, string[] States, AalenJohansenResult Result);
