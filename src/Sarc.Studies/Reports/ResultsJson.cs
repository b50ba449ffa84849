using System.Text;
using Sarc.Studies.Running;

namespace Sarc.Studies.Reports;

/// <summary>
/// Writes <c>results.json</c>: <c>{"studies": [{"id", "title", "n", "analyses": [{"id", "kind", ...}]}]}</c>, each
/// analysis carrying the JSON of its matching CLI command, or <c>"error"</c> when it could not run. The shape is
/// docs/results.schema.json.
/// </summary>
public static class ResultsJson
{
    /// <summary>The document as UTF-8 text; with <paramref name="provenance"/>, a <c>"provenance"</c> object first.</summary>
    public static string Write(IReadOnlyList<StudyResult> studies, Provenance? provenance = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, SarcJson.Indented))
        {
            writer.WriteStartObject();
            if (provenance is not null)
            {
                writer.WriteStartObject("provenance");
                provenance.WriteJson(writer, studies.Select(s => s.Definition));
                writer.WriteEndObject();
            }
            writer.WriteObjects("studies", studies, (w, study) =>
            {
                w.WriteString("id", study.Definition.Id);
                w.WriteString("title", study.Definition.Title);
                w.WriteString("definition_sha256", study.Definition.Sha256);
                w.WriteNumber("n", study.N);
                w.WriteObjects("analyses", study.Analyses, (w, analysis) =>
                {
                    w.WriteString("id", analysis.Id);
                    w.WriteString("kind", analysis.Kind);
                    if (analysis.Error is { } error)
                    {
                        w.WriteString("error", error);
                    }
                    else
                    {
                        analysis.Output!.WriteJson(w);
                    }
                    w.WriteStrings("warnings", analysis.Warnings);
                });
            });
            writer.WriteRecord("seed_comparison", studies.SelectMany(s => s.SeedComparisons).Select(c =>
                new SeedJson(c.Study, c.Quantity, c.Paper, c.Estimate, c.Lower, c.Upper, c.Covered, c.Note)), StudiesJson.Rows);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A row of <c>seed_comparison</c>: <c>covered</c> null where coverage is not judged, <c>note</c> only where there is one.</summary>
    internal sealed record SeedJson(
        string Study, string Quantity, double Paper, double Estimate, double Lower, double Upper, bool? Covered,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note);
}
