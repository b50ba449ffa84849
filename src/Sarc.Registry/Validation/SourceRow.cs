namespace Sarc.Registry.Validation;

/// <summary>Where a value being imported came from: a file (null for the flat template) and line, or the registry (line 0).</summary>
internal readonly record struct SourceRow(string? File, int Line)
{
    /// <summary>An entry already stored.</summary>
    public static SourceRow Registry => new(null, 0);

    public bool InRegistry => Line == 0;

    /// <summary>"line N" (or "surgeries.csv line N" in another file than <paramref name="from"/>), or "in the registry".</summary>
    public string Describe(string? from) => InRegistry ? "already in the registry" : File is null || File == from ? $"line {Line}" : $"{File} line {Line}";
}
