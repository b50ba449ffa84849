namespace Sarc.Studies.Definitions;

/// <summary>A parameter of a study definition: a scalar or a list of scalars, with the YAML line it came from.</summary>
public sealed record Parameter(string Name, string? Scalar, IReadOnlyList<string>? List, int Line, int Column)
{
    /// <summary>The values: the list, or the scalar as a list of one.</summary>
    public IReadOnlyList<string> Values => List ?? (Scalar is null ? [] : [Scalar]);
}
