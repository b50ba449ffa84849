namespace Sarc.Studies.Figures;

/// <summary>
/// One row of a forest plot: a label and a log hazard ratio with its confidence limits (natural log). A reference
/// level has NaN limits and is drawn as "1 (reference)"; a heading (a group of rows, e.g. a transition) has NaN estimate.
/// </summary>
public readonly record struct ForestRow(string Label, double Estimate, double Lower, double Upper)
{
    /// <summary>A bold heading row that draws no interval.</summary>
    public static ForestRow Heading(string label) => new(label, double.NaN, double.NaN, double.NaN);

    /// <summary>True for a heading row.</summary>
    public bool IsHeading => double.IsNaN(Estimate);

    /// <summary>True for a reference-level row (HR 1, no interval).</summary>
    public bool IsReference => !IsHeading && double.IsNaN(Lower);
}
