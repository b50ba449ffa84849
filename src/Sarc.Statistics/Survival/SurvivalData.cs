namespace Sarc.Statistics.Survival;

/// <summary>
/// Survival data in plain arrays of equal length n (one entry per row, any order), the input of
/// <see cref="KaplanMeier"/> and <see cref="LogRankTest"/> (right-censored) and of
/// <see cref="CountingProcessKaplanMeier"/> (with <see cref="Start"/>); status coded as in <see cref="CoxData"/>.
/// </summary>
/// <param name="Time">Follow-up times, non-negative and finite, in any unit (months in Sarc studies).</param>
/// <param name="Status">1 = event, 0 = censored.</param>
/// <param name="Group">Group code of each row in [0, <paramref name="GroupCount"/>), or null for one group.</param>
/// <param name="GroupCount">Number of group codes (1 without groups); a code without rows gives an empty curve.</param>
/// <param name="Start">Interval starts of counting-process rows (start, <paramref name="Time"/>]; null for right-censored data.</param>
public sealed record SurvivalData(double[] Time, double[] Status, int[]? Group = null, int GroupCount = 1, double[]? Start = null)
{
    public int RowCount => Time.Length;

    /// <summary>The status as the kernels take it (true = event).</summary>
    /// <exception cref="ArgumentException">Lengths differ, or a status other than 0 or 1.</exception>
    internal bool[] Events()
    {
        Preconditions.SameLength(Time.Length, Status.Length, nameof(Status));
        var events = new bool[Status.Length];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = Status[i] switch
            {
                1 => true,
                0 => false,
                var other => throw new ArgumentException($"Status must be 0 or 1; row {i} has {other}.", nameof(Status)),
            };
        }
        return events;
    }

    /// <summary>The sorted form every estimator of this data uses.</summary>
    internal SortedSurvivalData Sort(bool mergeNearEqualTimes)
    {
        if (Start is not null)
        {
            throw new ArgumentException("Counting-process rows (with Start) go to CountingProcessKaplanMeier.", nameof(Start));
        }
        if (Group is null && GroupCount != 1)
        {
            throw new ArgumentException("Without group codes GroupCount must be 1.", nameof(GroupCount));
        }
        return SortedSurvivalData.Create(Time, Events(), Group ?? [], GroupCount, mergeNearEqualTimes);
    }
}
