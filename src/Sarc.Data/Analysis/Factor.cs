namespace Sarc.Data.Analysis;

/// <summary>A categorical variable: its level names in order, and the level index (0-based; -1 where missing) of each row.</summary>
public sealed record Factor(string Name, string[] Levels, int[] Codes)
{
    /// <summary>Number of levels, the length of <see cref="Levels"/>; every code is in [0, LevelCount), or -1 for missing.</summary>
    public int LevelCount => Levels.Length;

    /// <summary>How many rows fall in each level.</summary>
    public int[] Counts()
    {
        var counts = new int[Levels.Length];
        foreach (var code in Codes)
        {
            if (code >= 0)
            {
                counts[code]++;
            }
        }
        return counts;
    }
}
