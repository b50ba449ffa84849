namespace Sarc.Studies.Definitions;

/// <summary>One analysis of a study: its id, kind (see <see cref="Kinds.AnalysisKindCatalog"/>), parameters by name, and its YAML line.</summary>
public sealed record AnalysisDefinition(string Id, string Kind, IReadOnlyDictionary<string, Parameter> Parameters, int Line)
{
    /// <summary>A scalar parameter, or null when absent.</summary>
    public string? Text(string name) => Parameters.TryGetValue(name, out var p) ? p.Scalar ?? (p.List is { Count: 1 } l ? l[0] : null) : null;

    /// <summary>A list parameter (a scalar counts as a list of one); empty when absent.</summary>
    public IReadOnlyList<string> List(string name) => Parameters.TryGetValue(name, out var p) ? p.Values : [];
}
