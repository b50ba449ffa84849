using Sarc.Statistics.CompetingRisks;

namespace Sarc.Studies.Analyses;

/// <summary>Cumulative incidence per cause (and group) with Gray's test, as <c>sarc cif</c> reports it.</summary>
public sealed record CifAnalysis(int Excluded, string? GroupColumn, string[] Levels, CumulativeIncidenceResult Result, IReadOnlyList<string> Warnings)
{
    /// <summary>Each group's follow-up times (event or censoring), sorted, for the numbers at risk; empty when not kept.</summary>
    public IReadOnlyList<double[]> GroupTimes { get; init; } = [];

    /// <summary>Patients of group <paramref name="group"/> still followed at <paramref name="time"/> (time ≥ it), as a KM risk table counts them.</summary>
    public int AtRisk(int group, double time)
    {
        var times = GroupTimes[group];
        var first = Array.BinarySearch(times, time);
        if (first < 0)
        {
            first = ~first;
        }
        while (first > 0 && times[first - 1] >= time)
        {
            first--;
        }
        return times.Length - first;
    }
}
