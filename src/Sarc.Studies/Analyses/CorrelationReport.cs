using Sarc.Statistics.Hypothesis;

namespace Sarc.Studies.Analyses;

/// <summary>The JSON of <c>sarc correlate --json</c> (one x against several y, pairwise complete, as R cor.test), shared with the study runner.</summary>
public static class CorrelationReport
{
    /// <summary>Writes the method, x and one entry per pair into the current JSON object; Pearson adds df and the Fisher-z interval.</summary>
    public static void WriteJson(Utf8JsonWriter writer, CorrelationMethod method, string x, IReadOnlyList<(string Name, CorrelationResult Result)> pairs)
    {
        writer.WriteString("method", method == CorrelationMethod.Pearson ? "pearson" : "spearman");
        writer.WriteString("x", x);
        writer.WriteStartArray("pairs");
        foreach (var (name, result) in pairs)
        {
            writer.WriteStartObject();
            writer.WriteString("y", name);
            writer.WriteNumber("n", result.N);
            writer.WriteNumber("n_excluded", result.Excluded);
            writer.WriteNumberOrNull("estimate", result.Estimate);
            writer.WriteNumberOrNull("statistic", result.Statistic);
            writer.WriteNumberOrNull("p", result.P);
            if (method == CorrelationMethod.Pearson)
            {
                writer.WriteNumberOrNull("df", result.DegreesOfFreedom);
                writer.WriteNumberOrNull("lower", result.Lower);
                writer.WriteNumberOrNull("upper", result.Upper);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
