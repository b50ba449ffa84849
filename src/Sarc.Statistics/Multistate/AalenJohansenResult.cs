namespace Sarc.Statistics.Multistate;

/// <summary>
/// State occupancy probabilities of a multistate process, as R <c>survfit(Surv(start, stop, event) ~ 1, id = id)</c>
/// with a factor event: one row per distinct stop time (event or censoring), as R's <c>fit$time</c>.
/// </summary>
/// <param name="StateCount">Number of states, the initial state (index 0, R's <c>"(s0)"</c>) included.</param>
/// <param name="Times">Distinct stop times, ascending.</param>
/// <param name="Probabilities">P(in state s at Times[t]) at [t * StateCount + s], as R's <c>pstate</c>.</param>
/// <param name="StandardErrors">Infinitesimal-jackknife standard errors, same layout, as R's <c>std.err</c> (robust variance by subject).</param>
/// <param name="AtRisk">Number of subjects at risk in state s just before Times[t], same layout, as R's <c>n.risk</c>.</param>
/// <param name="Transitions">Number of observed transitions from state a to state b at [a * StateCount + b], as R's <c>transitions</c>.</param>
/// <param name="Subjects">Number of distinct subjects.</param>
public sealed record AalenJohansenResult(
    int StateCount,
    double[] Times,
    double[] Probabilities,
    double[] StandardErrors,
    int[] AtRisk,
    int[] Transitions,
    int Subjects)
{
    /// <summary>P(in <paramref name="state"/>) at time index <paramref name="timeIndex"/>.</summary>
    public double Probability(int timeIndex, int state) => Probabilities[timeIndex * StateCount + state];

    /// <summary>Standard error of <see cref="Probability(int, int)"/>.</summary>
    public double StandardError(int timeIndex, int state) => StandardErrors[timeIndex * StateCount + state];

    /// <summary>
    /// The occupancy probabilities and standard errors at <paramref name="time"/>, right-continuous, as R's
    /// <c>summary(fit, times = time)</c>: before the first time every subject is in the initial state (standard
    /// error 0); after the last time the values are NaN (R drops such times).
    /// </summary>
    public (double[] Probabilities, double[] StandardErrors) At(double time)
    {
        var probabilities = new double[StateCount];
        var errors = new double[StateCount];
        if (double.IsNaN(time) || Times.Length == 0 || time > Times[^1])
        {
            Array.Fill(probabilities, double.NaN);
            Array.Fill(errors, double.NaN);
            return (probabilities, errors);
        }
        var steps = SortedTimes.CountAtOrBefore(Times, time);
        if (steps == 0)
        {
            probabilities[0] = 1;
            return (probabilities, errors);
        }
        Array.Copy(Probabilities, (steps - 1) * StateCount, probabilities, 0, StateCount);
        Array.Copy(StandardErrors, (steps - 1) * StateCount, errors, 0, StateCount);
        return (probabilities, errors);
    }
}
