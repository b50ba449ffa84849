using Sarc.Statistics.CompetingRisks;

namespace Sarc.Studies.Analyses;

/// <summary>Cumulative incidence per cause (and group) with Gray's test, as <c>sarc cif</c> reports it.</summary>
public sealed record CifAnalysis(int Excluded, string? GroupColumn, string[] Levels, CumulativeIncidenceResult Result, IReadOnlyList<string> Warnings);
