namespace Sarc.Studies.Json;

/// <summary>How numbers look in readable output, report tables and figures (JSON always carries full precision).</summary>
public static class ReportText
{
    /// <summary>A number with <paramref name="significant"/> significant digits; "NA" when missing or infinite.</summary>
    public static string Number(double value, int significant = 4) =>
        double.IsFinite(value) ? value.ToString("G" + significant, CultureInfo.InvariantCulture) : "NA";

    /// <summary>A number with a fixed count of decimals; "NA" when missing or infinite.</summary>
    public static string Fixed(double value, int decimals) =>
        double.IsFinite(value) ? value.ToString("F" + decimals, CultureInfo.InvariantCulture) : "NA";

    /// <summary>A p-value as journals print it: three decimals, or "&lt;0.001".</summary>
    public static string PValue(double p) =>
        !double.IsFinite(p) ? "NA" : p < 0.001 ? "<0.001" : p.ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>"p = 0.012" or "p &lt; 0.001", for a sentence or a figure label.</summary>
    public static string PEquals(double p) =>
        double.IsFinite(p) && p < 0.001 ? "p < 0.001" : $"p = {PValue(p)}";
}
