namespace Sarc.Studies.Analyses;

/// <summary>
/// A study's multistate analysis: state occupancy of the whole cohort and per level of <paramref name="GroupColumn"/>,
/// and the transition-specific Cox models of <paramref name="Formula"/> for every observed transition.
/// </summary>
/// <param name="Overall">Occupancy of every patient with a path.</param>
/// <param name="GroupColumn">The grouping column, or null.</param>
/// <param name="Groups">Occupancy per level of <paramref name="GroupColumn"/>, levels sorted (patients with a missing level left out).</param>
/// <param name="Formula">The right-hand side of the transition models (e.g. <c>high_grade + size_gt5</c>), or null for none.</param>
/// <param name="Transitions">One model per observed transition, in state order.</param>
/// <param name="At">The times of the occupancy tables (months).</param>
/// <param name="LeftOut">Patients of the cohort without a path (an event or the end of follow-up on the day of surgery).</param>
public sealed record MultistateModels(
    MultistateAnalysis Overall,
    string? GroupColumn,
    IReadOnlyList<GroupOccupancy> Groups,
    string? Formula,
    IReadOnlyList<TransitionModel> Transitions,
    IReadOnlyList<double> At,
    int LeftOut)
{
    /// <summary>Notes for the reader: patients left out, transitions whose model had trouble.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
