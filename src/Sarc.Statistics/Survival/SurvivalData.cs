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
    /// <summary>Number of rows n, the length of <see cref="Time"/>.</summary>
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

    /// <summary>The right-censored rows as the kernels take them (true = event, no group codes = all 0), checked.</summary>
    /// <exception cref="ArgumentException">Start given, lengths differ, a status other than 0/1, or no group codes with GroupCount ≠ 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative, NaN or infinite time, or a code outside [0, GroupCount).</exception>
    internal (double[] Time, bool[] Status, int[] Group, int GroupCount) Validated()
    {
        if (Start is not null)
        {
            throw new ArgumentException("Counting-process rows (with Start) go to CountingProcessKaplanMeier.", nameof(Start));
        }
        if (Group is null && GroupCount != 1)
        {
            throw new ArgumentException("Without group codes GroupCount must be 1.", nameof(GroupCount));
        }
        var events = Events();
        int[] group = Group ?? [];
        SortedSurvivalData.Validate(Time, events, group, GroupCount);
        return (Time, events, group, GroupCount);
    }

    /// <summary>The sorted form of the validated rows.</summary>
    internal SortedSurvivalData Sort(bool mergeNearEqualTimes)
    {
        var (time, status, group, groupCount) = Validated();
        return SortedSurvivalData.CreateValidated(time, status, group, groupCount, mergeNearEqualTimes);
    }
}
