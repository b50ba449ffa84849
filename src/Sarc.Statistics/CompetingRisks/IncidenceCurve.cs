namespace Sarc.Statistics.CompetingRisks;

/// <summary>
/// The cumulative incidence function of one cause in one group, as a right-continuous step function: it is 0 before
/// the first step, takes <see cref="Estimates"/>[i] from <see cref="Times"/>[i] on, and is defined up to
/// <see cref="MaxTime"/>, the group's largest follow-up time (R's <c>cmprsk::timepoints</c> gives NA after it).
/// </summary>
/// <param name="Group">The caller's group code (0 when the data were not grouped).</param>
/// <param name="Cause">The status code of the cause.</param>
/// <param name="Times">The distinct times at which the cause has events in this group, ascending.</param>
/// <param name="Estimates">The cumulative incidence just after each of <see cref="Times"/>.</param>
/// <param name="Variances">Gray's (1988) variance estimate of each estimate, as <c>cuminc</c>'s <c>var</c>.</param>
/// <param name="MaxTime">The largest time (event or censoring) in the group.</param>
public sealed record IncidenceCurve(int Group, int Cause, double[] Times, double[] Estimates, double[] Variances, double MaxTime)
{
    /// <summary>The estimate at <paramref name="time"/> (right-continuous); NaN before 0 or after <see cref="MaxTime"/>, as <c>timepoints</c>.</summary>
    public double EstimateAt(double time) => ValueAt(Estimates, time);

    /// <summary>The variance at <paramref name="time"/>; NaN before 0 or after <see cref="MaxTime"/>, as <c>timepoints</c>.</summary>
    public double VarianceAt(double time) => ValueAt(Variances, time);

    private double ValueAt(double[] values, double time)
    {
        if (double.IsNaN(time) || time > MaxTime || time < 0)
        {
            return double.NaN;
        }
        var steps = SortedTimes.CountAtOrBefore(Times, time);
        return steps == 0 ? 0 : values[steps - 1];
    }
}
