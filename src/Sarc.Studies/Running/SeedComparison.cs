namespace Sarc.Studies.Running;

/// <summary>
/// One published quantity beside Sarc's estimate: the paper's value, Sarc's estimate and 95% interval, and whether the
/// interval holds the paper's value (null when Sarc cannot estimate it yet; <see cref="Note"/> says why).
/// </summary>
public sealed record SeedComparison(string Study, string Quantity, double Paper, double Estimate, double Lower, double Upper, string? Note)
{
    /// <summary>
    /// True for a median whose upper confidence limit lies beyond the follow-up (the survival curve's upper band never
    /// falls to one half): the interval is then [<see cref="Lower"/>, ∞) and <see cref="Upper"/> is NaN.
    /// </summary>
    public bool UpperBeyondFollowUp { get; init; }

    /// <summary>True when [Lower, Upper] (or [Lower, ∞) when <see cref="UpperBeyondFollowUp"/>) holds the paper's value; null without an interval.</summary>
    public bool? Covered =>
        !double.IsFinite(Lower) ? null
        : double.IsFinite(Upper) ? Paper >= Lower && Paper <= Upper
        : UpperBeyondFollowUp ? Paper >= Lower
        : null;
}
