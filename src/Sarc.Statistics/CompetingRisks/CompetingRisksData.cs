namespace Sarc.Statistics.CompetingRisks;

/// <summary>
/// Competing-risks data in plain arrays of equal length n (one entry per row, any order), the input of
/// <see cref="CumulativeIncidence"/>.
/// </summary>
/// <param name="Time">Follow-up times (finite, &gt;= 0).</param>
/// <param name="Status">0 = censored; a positive code = failure from that cause (cmprsk, <c>cencode = 0</c>).</param>
/// <param name="Group">Group code of each row in [0, <paramref name="GroupCount"/>), or null for one group.</param>
/// <param name="GroupCount">Number of group codes (1 without groups); codes without rows are left out, as cuminc does.</param>
public sealed record CompetingRisksData(double[] Time, int[] Status, int[]? Group = null, int GroupCount = 1)
{
    /// <summary>Number of rows n, the length of <see cref="Time"/>.</summary>
    public int RowCount => Time.Length;
}
