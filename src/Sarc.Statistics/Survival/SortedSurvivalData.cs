namespace Sarc.Statistics.Survival;

/// <summary>
/// Right-censored data sorted once for every estimator of a Kaplan-Meier analysis: all rows by time (near-equal
/// times merged when asked), and the same rows regrouped into one contiguous, still time-sorted segment per group.
/// </summary>
internal sealed class SortedSurvivalData
{
    private SortedSurvivalData(double[] time, bool[] status, int[] group, int groupCount,
        double[] groupedTime, bool[] groupedStatus, int[] groupStart, int mergedTimes)
    {
        Time = time;
        Status = status;
        Group = group;
        GroupCount = groupCount;
        GroupedTime = groupedTime;
        GroupedStatus = groupedStatus;
        GroupStart = groupStart;
        MergedTimes = mergedTimes;
    }

    /// <summary>The radix sort packs the group code with the status bit into 32 bits.</summary>
    public const int MaxGroupCount = 1 << 30;

    /// <summary>All rows' times, ascending.</summary>
    public double[] Time { get; }

    /// <summary>Event indicator of each row of <see cref="Time"/>.</summary>
    public bool[] Status { get; }

    /// <summary>Group code of each row of <see cref="Time"/>, 0 ≤ code &lt; <see cref="GroupCount"/>.</summary>
    public int[] Group { get; }

    public int GroupCount { get; }

    /// <summary>Times regrouped by group code, each group's segment ascending (aliases <see cref="Time"/> for one group).</summary>
    public double[] GroupedTime { get; }

    public bool[] GroupedStatus { get; }

    /// <summary>Segment g is [GroupStart[g], GroupStart[g + 1]); length GroupCount + 1.</summary>
    public int[] GroupStart { get; }

    /// <summary>Distinct times merged into a smaller one by <see cref="TimeFix"/>.</summary>
    public int MergedTimes { get; }

    /// <summary>
    /// Validates, sorts by time once (<see cref="TimeSort"/>), merges near-equal times, then a stable counting
    /// sort by group so that each group stays sorted by time without a second comparison sort.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative, NaN or infinite time, a group code out of range, or groupCount outside [1, 2^30].</exception>
    public static SortedSurvivalData Create(ReadOnlySpan<double> time, ReadOnlySpan<bool> status,
        ReadOnlySpan<int> group, int groupCount, bool mergeNearEqualTimes)
    {
        Validate(time, status, group, groupCount);
        return CreateValidated(time, status, group, groupCount, mergeNearEqualTimes);
    }

    /// <summary>The argument checks of <see cref="Create"/>, for the callers that tabulate instead (<see cref="SurvivalTable"/>).</summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative, NaN or infinite time, a group code out of range, or groupCount outside [1, 2^30].</exception>
    public static void Validate(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, ReadOnlySpan<int> group, int groupCount)
    {
        var n = time.Length;
        Preconditions.SameLength(n, status.Length, nameof(status));
        Preconditions.Positive(groupCount, nameof(groupCount));
        if (groupCount > MaxGroupCount)
        {
            throw new ArgumentOutOfRangeException(nameof(groupCount), groupCount, $"groupCount must be <= {MaxGroupCount}.");
        }
        var grouped = !group.IsEmpty;
        if (grouped)
        {
            Preconditions.SameLength(n, group.Length, nameof(group));
        }
        else if (groupCount != 1)
        {
            throw new ArgumentException("Without group codes there is exactly one group.", nameof(groupCount));
        }

        for (var i = 0; i < n; i++)
        {
            var t = time[i];
            Preconditions.NonNegative(t, nameof(time));
            TimeFix.RequireFinite(t, nameof(time));
            if (grouped && (uint)group[i] >= (uint)groupCount)
            {
                throw new ArgumentOutOfRangeException(nameof(group), group[i], $"Group codes must be in [0, {groupCount}).");
            }
        }
    }

    /// <summary><see cref="Create"/> after <see cref="Validate"/>.</summary>
    public static SortedSurvivalData CreateValidated(ReadOnlySpan<double> time, ReadOnlySpan<bool> status,
        ReadOnlySpan<int> group, int groupCount, bool mergeNearEqualTimes)
    {
        var n = time.Length;
        var (keys, sortedStatus, sortedGroup) = TimeSort.Sort(time, status, group);
        var merged = mergeNearEqualTimes ? TimeFix.MergeSorted(keys) : 0;

        var start = new int[groupCount + 1];
        if (groupCount == 1)
        {
            start[1] = n;
            return new SortedSurvivalData(keys, sortedStatus, sortedGroup, 1, keys, sortedStatus, start, merged);
        }
        for (var i = 0; i < n; i++)
        {
            start[sortedGroup[i] + 1]++;
        }
        for (var g = 0; g < groupCount; g++)
        {
            start[g + 1] += start[g];
        }
        var next = (int[])start.Clone();
        var groupedTime = new double[n];
        var groupedStatus = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var position = next[sortedGroup[i]]++;
            groupedTime[position] = keys[i];
            groupedStatus[position] = sortedStatus[i];
        }
        return new SortedSurvivalData(keys, sortedStatus, sortedGroup, groupCount, groupedTime, groupedStatus, start, merged);
    }

    public ReadOnlySpan<double> GroupTime(int g) => GroupedTime.AsSpan(GroupStart[g], GroupStart[g + 1] - GroupStart[g]);

    public ReadOnlySpan<bool> GroupStatus(int g) => GroupedStatus.AsSpan(GroupStart[g], GroupStart[g + 1] - GroupStart[g]);
}
