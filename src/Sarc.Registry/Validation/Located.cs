namespace Sarc.Registry.Validation;

/// <summary>A list entry and the row it came from.</summary>
internal sealed record Located<T>(T Entry, SourceRow Where);
