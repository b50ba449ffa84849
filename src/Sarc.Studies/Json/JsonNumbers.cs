using Sarc.Statistics;

namespace Sarc.Studies.Json;

/// <summary>
/// Number writing shared by the CLI's <c>--json</c> output and <c>results.json</c>: shortest round-trip form, and
/// null for NaN and infinities (R's NA, a median not reached), since JSON has no such numbers.
/// </summary>
public static class JsonNumbers
{
    /// <summary>Writes a number property, or null when it is NaN or infinite.</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>
    /// Writes the sample of a fitted or validated model: <c>n</c> (rows used), <c>events</c> (of the cause modelled) and
    /// <c>n_excluded</c> (rows left out for a missing value), as every regression and validation output reports it.
    /// </summary>
    public static void WriteCounts(this Utf8JsonWriter writer, int n, int events, int excluded)
    {
        writer.WriteNumber("n", n);
        writer.WriteNumber("events", events);
        writer.WriteNumber("n_excluded", excluded);
    }

    /// <summary>Writes a chi-square test as the object <c>{"chisq", "df", "p"}</c> (Cox's tests, cox.zph, the log-rank test).</summary>
    public static void WriteChiSquare(this Utf8JsonWriter writer, string name, ChiSquareTest test)
    {
        writer.WriteStartObject(name);
        writer.WriteChiSquareFields(test);
        writer.WriteEndObject();
    }

    /// <summary>Writes a chi-square test's <c>chisq</c>, <c>df</c> and <c>p</c> into the current object.</summary>
    public static void WriteChiSquareFields(this Utf8JsonWriter writer, ChiSquareTest test)
    {
        writer.WriteNumberOrNull("chisq", test.ChiSquare);
        writer.WriteNumber("df", test.DegreesOfFreedom);
        writer.WriteNumberOrNull("p", test.P);
    }

    /// <summary>
    /// Writes the <c>coefficients</c> array of <c>sarc cox --json</c> and <c>sarc finegray --json</c>: per term an object
    /// with term, coef, se, robust_se (Cox with cluster() only), hr and its interval, z and p.
    /// </summary>
    public static void WriteCoefficients(this Utf8JsonWriter writer, IEnumerable<CoefficientRow> coefficients) =>
        writer.WriteRecord("coefficients", coefficients.Select(c =>
            new CoefficientJson(c.Term, c.Coef, c.Se, c.RobustSe, c.HazardRatio, c.HazardRatioLower, c.HazardRatioUpper, c.Z, c.P)), StudiesJson.Rows);

    internal sealed record CoefficientJson(
        string Term, double Coef, double Se, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RobustSe,
        double Hr, double HrLower, double HrUpper, double Z, double P);
}
