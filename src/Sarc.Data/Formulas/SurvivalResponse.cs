namespace Sarc.Data.Formulas;

/// <summary>
/// The left-hand side <c>Surv(time, event)</c> or, for counting-process data, <c>Surv(start, stop, event)</c>.
/// <see cref="Start"/> is null for right-censored data.
/// </summary>
public sealed record SurvivalResponse(string? Start, string Stop, string Event)
{
    /// <summary>True for <c>Surv(start, stop, event)</c>, false for <c>Surv(time, event)</c>.</summary>
    public bool IsCountingProcess => Start is not null;
}
