namespace Sarc.Studies.Figures;

/// <summary>
/// One row of a forest plot: a label and a log hazard ratio with its confidence limits (natural log). A reference
/// level (<paramref name="Reference"/>) is drawn as "1 (reference)"; a row whose limits are not finite as "not
/// estimable"; a heading (a group of rows, e.g. a transition) has a NaN estimate.
/// </summary>
public readonly record struct ForestRow(string Label, double Estimate, double Lower, double Upper, bool Reference = false)
{
    /// <summary>A bold heading row that draws no interval.</summary>
    public static ForestRow Heading(string label) => new(label, double.NaN, double.NaN, double.NaN);

    /// <summary>True for a heading row.</summary>
    public bool IsHeading => !Reference && double.IsNaN(Estimate);

    /// <summary>True for an estimate without a finite interval (separation, too few events).</summary>
    public bool IsNotEstimable => !Reference && !IsHeading && !(double.IsFinite(Estimate) && double.IsFinite(Lower) && double.IsFinite(Upper));
}
