namespace Sarc.Statistics.Prediction;

/// <summary>
/// Calibration of predicted risks at time t against what was observed: calibration-in-the-large and a table of
/// risk groups. Groups are R's <c>floor(g (rank(risk, ties.method = "first") − 1) / n) + 1</c> (dplyr's ntile): equal
/// sizes, ties split in data order. Observed risks as <see cref="ObservedRisk"/>.
/// </summary>
public static class Calibration
{
    /// <summary>The calibration table in <paramref name="groups"/> groups of predicted risk (deciles by default).</summary>
    /// <exception cref="ArgumentException">Lengths differ or fewer patients than groups.</exception>
    public static IReadOnlyList<CalibrationGroup> Groups(PredictionOutcome outcome, ReadOnlySpan<double> risk, double t, int groups = 10)
    {
        outcome.Validate(risk.Length, nameof(outcome));
        var n = risk.Length;
        if (groups < 1 || n < groups)
        {
            throw new ArgumentException($"{groups} groups need at least {groups} patients, found {n}.", nameof(groups));
        }
        var order = SortOrder.Ascending(risk, out var keys);
        // rank(ties.method = "first"): among equal risks, data order.
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }
            Array.Sort(order, start, end - start);
            start = end;
        }
        var members = new List<int>[groups];
        for (var g = 0; g < groups; g++)
        {
            members[g] = [];
        }
        for (var r = 0; r < n; r++)
        {
            members[(int)((long)groups * r / n)].Add(order[r]);
        }
        var table = new List<CalibrationGroup>(groups);
        for (var g = 0; g < groups; g++)
        {
            var rows = members[g];
            var sum = 0.0;
            var events = 0;
            foreach (var i in rows)
            {
                sum += risk[i];
                events += outcome.IsEvent(i) && outcome.Time[i] <= t ? 1 : 0;
            }
            table.Add(new CalibrationGroup(g + 1, rows.Count, events, sum / rows.Count, ObservedRisk.At(outcome, t, rows)));
        }
        return table;
    }

    /// <summary>Calibration-in-the-large at t: the observed risk of all patients against the mean predicted risk.</summary>
    public static CalibrationInTheLarge InTheLarge(PredictionOutcome outcome, ReadOnlySpan<double> risk, double t)
    {
        outcome.Validate(risk.Length, nameof(outcome));
        var mean = 0.0;
        foreach (var r in risk)
        {
            mean += r;
        }
        mean /= risk.Length;
        return new CalibrationInTheLarge(t, ObservedRisk.At(outcome, t), mean);
    }
}
