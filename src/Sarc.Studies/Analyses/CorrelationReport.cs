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
        var pearson = method == CorrelationMethod.Pearson;
        writer.WriteRecord("pairs", pairs.Select(pair =>
        {
            var r = pair.Result;
            return new PairJson(pair.Name, r.N, r.Excluded, r.Estimate, r.Statistic, r.P,
                pearson ? r.DegreesOfFreedom : null, pearson ? r.Lower : null, pearson ? r.Upper : null);
        }), StudiesJson.Rows);
    }

    /// <summary>A pair's row; df and the interval only for Pearson.</summary>
    internal sealed record PairJson(
        string Y, int N, int NExcluded, double Estimate, double Statistic, double P,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Df,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Lower,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Upper);
}
