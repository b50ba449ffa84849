namespace Sarc.Studies.Analyses;

/// <summary>
/// One group's counting-process rows (start, stop] (Simon-Makuch: patients enter a group when their status changes),
/// for the numbers at risk under a figure: at time x &gt; 0 the rows with start &lt; x ≤ stop, at 0 the rows starting at 0.
/// </summary>
public sealed record RiskRows(double[] Start, double[] Stop)
{
    /// <summary>Rows at risk at <paramref name="time"/>.</summary>
    public int AtRisk(double time)
    {
        var count = 0;
        for (var i = 0; i < Start.Length; i++)
        {
            if (time <= 0 ? Start[i] <= 0 : Start[i] < time && Stop[i] >= time)
            {
                count++;
            }
        }
        return count;
    }
}
