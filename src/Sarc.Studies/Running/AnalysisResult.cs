namespace Sarc.Studies.Running;

/// <summary>
/// One analysis of a study run. Either <see cref="Error"/> is set (the analysis could not run: empty cohort, no events,
/// a single group level, no transitions, a cause that never occurs) or <see cref="Output"/> holds what it produced.
/// </summary>
public sealed record AnalysisResult(string Id, string Kind, string? Title, IAnalysisOutput? Output, string? Error)
{
    /// <summary>The kind's typed result (null when the analysis did not run).</summary>
    public object? Payload => Output?.Value;

    /// <summary>The output's warnings (none for an analysis that did not run).</summary>
    public IReadOnlyList<string> Warnings => Output?.Warnings ?? [];

    /// <summary>A failed analysis with a one-line reason.</summary>
    public static AnalysisResult Failed(string id, string kind, string? title, string error) => new(id, kind, title, null, error);
}
