namespace Sarc.Studies.Analyses;

/// <summary>The JSON of a <c>rates</c> analysis: per outcome (and group) events, n, missing, proportion and its exact interval.</summary>
public static class RatesReport
{
    /// <summary>Writes the rates into the current JSON object.</summary>
    public static void WriteJson(Utf8JsonWriter writer, RatesAnalysis analysis)
    {
        writer.WriteNumber("conf_level", analysis.ConfidenceLevel);
        if (analysis.GroupColumn is { } group)
        {
            writer.WriteString("group", group);
        }
        writer.WriteStartArray("rates");
        foreach (var rate in analysis.Rates)
        {
            writer.WriteStartObject();
            writer.WriteString("outcome", rate.Outcome);
            if (rate.Group is not null)
            {
                writer.WriteString("group", rate.Group);
            }
            writer.WriteNumber("events", rate.Events);
            writer.WriteNumber("n", rate.N);
            writer.WriteNumber("n_missing", rate.Missing);
            writer.WriteNumberOrNull("proportion", rate.Interval.Estimate);
            writer.WriteNumberOrNull("lower", rate.Interval.Lower);
            writer.WriteNumberOrNull("upper", rate.Interval.Upper);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
