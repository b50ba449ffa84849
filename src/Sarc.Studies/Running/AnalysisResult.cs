using System.Text.Json;

namespace Sarc.Studies.Running;

/// <summary>
/// One analysis of a study run. Either <see cref="Error"/> is set (the analysis could not run: empty cohort, no events,
/// a single group level, no transitions, a cause that never occurs) or <see cref="Payload"/> holds the typed result the report draws
/// and <see cref="WriteJson"/> writes its properties (the matching CLI command's JSON) into an open object.
/// </summary>
public sealed record AnalysisResult(
    string Id,
    string Kind,
    string? Title,
    object? Payload,
    Action<Utf8JsonWriter>? WriteJson,
    string? Error,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The endpoint the analysis is about (km, cox, cif, finegray), for axis labels; null for the others.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The time points the definition asked for (km, cif; multistate with its default), for report tables.</summary>
    public IReadOnlyList<double> At { get; init; } = [];

    /// <summary>A failed analysis with a one-line reason.</summary>
    public static AnalysisResult Failed(string id, string kind, string? title, string error) => new(id, kind, title, null, null, error, []);
}
