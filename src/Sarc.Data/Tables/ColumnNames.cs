namespace Sarc.Data.Tables;

/// <summary>Looking a name up in a header or a list of column names or levels: the one exact (ordinal) search every table uses.</summary>
public static class ColumnNames
{
    /// <summary>The position of the first <paramref name="name"/> in <paramref name="names"/>, compared exactly (ordinal, case-sensitive), or −1.</summary>
    public static int IndexOf(IReadOnlyList<string> names, string name)
    {
        ArgumentNullException.ThrowIfNull(names);
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}
