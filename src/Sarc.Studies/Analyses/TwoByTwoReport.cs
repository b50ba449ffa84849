using Sarc.Statistics.Hypothesis;

namespace Sarc.Studies.Analyses;

/// <summary>The JSON of a 2 x 2 analysis as <c>sarc table2x2 --json</c> prints it (Fisher, mid-p, chi-square, odds ratios), shared with the study runner.</summary>
public static class TwoByTwoReport
{
    /// <summary>Writes the counts a,b,c,d (rows exposure yes/no, columns outcome yes/no) and every test into the current JSON object.</summary>
    public static void WriteJson(Utf8JsonWriter writer, TwoByTwoTable table, TwoByTwoResult result, double level)
    {
        writer.WriteStartArray("counts");
        foreach (var count in new[] { table.A, table.B, table.C, table.D })
        {
            writer.WriteNumberValue(count);
        }
        writer.WriteEndArray();
        writer.WriteNumberOrNull("fisher_p", result.FisherP);
        writer.WriteNumberOrNull("fisher_midp", result.FisherMidP);
        writer.WriteNumberOrNull("chisq", result.ChiSquare.ChiSquare);
        writer.WriteNumberOrNull("chisq_p", result.ChiSquare.P);
        writer.WriteNumberOrNull("chisq_yates", result.ChiSquareYates.ChiSquare);
        writer.WriteNumberOrNull("chisq_yates_p", result.ChiSquareYates.P);
        writer.WriteNumberOrNull("or", result.OddsRatio.Estimate);
        writer.WriteNumberOrNull("or_lower", result.OddsRatio.Lower);
        writer.WriteNumberOrNull("or_upper", result.OddsRatio.Upper);
        writer.WriteNumberOrNull("or_conditional", result.ConditionalOddsRatio.Estimate);
        writer.WriteNumberOrNull("or_conditional_lower", result.ConditionalOddsRatio.Lower);
        writer.WriteNumberOrNull("or_conditional_upper", result.ConditionalOddsRatio.Upper);
        writer.WriteNumber("conf_level", level);
    }
}
