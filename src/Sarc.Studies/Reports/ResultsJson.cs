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
            writer.WriteStartArray("studies");
            foreach (var study in studies)
            {
                writer.WriteStartObject();
                writer.WriteString("id", study.Definition.Id);
                writer.WriteString("title", study.Definition.Title);
                writer.WriteString("definition_sha256", study.Definition.Sha256);
                writer.WriteNumber("n", study.N);
                writer.WriteStartArray("analyses");
                foreach (var analysis in study.Analyses)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", analysis.Id);
                    writer.WriteString("kind", analysis.Kind);
                    if (analysis.Error is { } error)
                    {
                        writer.WriteString("error", error);
                    }
                    else
                    {
                        analysis.Output!.WriteJson(writer);
                    }
                    writer.WriteStrings("warnings", analysis.Warnings);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("seed_comparison");
            foreach (var c in studies.SelectMany(s => s.SeedComparisons))
            {
                writer.WriteStartObject();
                writer.WriteString("study", c.Study);
                writer.WriteString("quantity", c.Quantity);
                writer.WriteNumber("paper", c.Paper);
                writer.WriteNumberOrNull("estimate", c.Estimate);
                writer.WriteNumberOrNull("lower", c.Lower);
                writer.WriteNumberOrNull("upper", c.Upper);
                if (c.Covered is { } covered)
                {
                    writer.WriteBoolean("covered", covered);
                }
                else
                {
                    writer.WriteNull("covered");
                }
                if (c.Note is { } note)
                {
                    writer.WriteString("note", note);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
