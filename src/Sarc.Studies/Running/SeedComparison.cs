namespace Sarc.Studies.Running;

/// <summary>
/// One published quantity beside Sarc's estimate: the paper's value, Sarc's estimate and 95% interval, and whether the
/// interval holds the paper's value (null when Sarc cannot estimate it yet; <see cref="Note"/> says why).
/// </summary>
public sealed record SeedComparison(string Study, string Quantity, double Paper, double Estimate, double Lower, double Upper, string? Note)
{
    /// <summary>True when [Lower, Upper] holds the paper's value; null without an interval.</summary>
    public bool? Covered => double.IsFinite(Lower) && double.IsFinite(Upper) ? Paper >= Lower && Paper <= Upper : null;
}
