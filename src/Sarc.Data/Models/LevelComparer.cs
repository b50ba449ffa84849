namespace Sarc.Data.Models;

/// <summary>
/// Orders factor levels as R's <c>sort()</c> does for ASCII text in the usual locales: case-insensitively, lower
/// case before upper case when the letters tie (a &lt; A &lt; b &lt; B), then ordinally.
/// </summary>
internal sealed class LevelComparer : IComparer<string>
{
    public static readonly LevelComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var ignoringCase = string.Compare(x, y, StringComparison.OrdinalIgnoreCase);
        if (ignoringCase != 0)
        {
            return ignoringCase;
        }
        for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
        {
            if (x[i] != y[i])
            {
                return char.IsLower(x[i]) ? -1 : 1;
            }
        }
        return string.CompareOrdinal(x, y);
    }
}
