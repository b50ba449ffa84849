namespace Sarc.Studies.Running;

/// <summary>What one analysis produced: its typed result, its warnings, its JSON and its presentation in the report.</summary>
public interface IAnalysisOutput
{
    /// <summary>The kind's typed result (e.g. a <see cref="Analyses.KmAnalysis"/> for <c>km</c>), for callers that know the kind.</summary>
    object Value { get; }

    /// <summary>Statistical trouble worth telling the reader (non-convergence, a test not computed).</summary>
    IReadOnlyList<string> Warnings { get; }

    /// <summary>Writes the result's properties into the analysis's open JSON object.</summary>
    void WriteJson(System.Text.Json.Utf8JsonWriter writer);

    /// <summary>The tables and figures the report shows, in page order.</summary>
    IReadOnlyList<ReportBlock> Present(ReportContext context);
}
