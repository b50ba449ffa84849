namespace Sarc.Data.Csv;

/// <summary>
/// Shares one string instance among equal short cells (group labels, codes), so that a million rows of four
/// groups hold four strings, not a million.
/// </summary>
internal sealed class StringInterner
{
    private const int MaxInternedLength = 32;
    private readonly Dictionary<int, List<string>> byHash = new();

    public string Intern(char[] buffer, int offset, int length)
    {
        var span = new ReadOnlySpan<char>(buffer, offset, length);
        if (length > MaxInternedLength)
        {
            return span.ToString();
        }
        var hash = string.GetHashCode(span, StringComparison.Ordinal);
        if (!byHash.TryGetValue(hash, out var candidates))
        {
            candidates = new List<string>(1);
            byHash[hash] = candidates;
        }
        foreach (var candidate in candidates)
        {
            if (span.SequenceEqual(candidate))
            {
                return candidate;
            }
        }
        var created = span.ToString();
        candidates.Add(created);
        return created;
    }
}
