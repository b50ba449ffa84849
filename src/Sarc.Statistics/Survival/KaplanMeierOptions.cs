namespace Sarc.Statistics.Survival;

/// <summary>
/// How a Kaplan-Meier curve is fitted and its intervals built. Defaults are R survfit's: log intervals at 95 % and
/// near-equal times merged (<c>timefix = TRUE</c>).
/// </summary>
public sealed record KaplanMeierOptions
{
    /// <summary>R survfit's defaults.</summary>
    public static KaplanMeierOptions Default { get; } = new();

    /// <summary>The interval scale; <see cref="ConfidenceType.Log"/> unless set.</summary>
    public ConfidenceType ConfidenceType { get; init; } = ConfidenceType.Log;

    /// <summary>Coverage of the pointwise intervals, in (0, 1); 0.95 unless set (R <c>conf.int</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">On init, a value outside (0, 1) or NaN.</exception>
    public double ConfidenceLevel
    {
        get => confidenceLevel;
        init
        {
            Preconditions.InOpenRange(value, 0, 1, nameof(ConfidenceLevel));
            confidenceLevel = value;
        }
    }

    /// <summary>
    /// Whether times that differ by less than √ε (absolutely, or relative to the mean distinct time) are merged before
    /// fitting, exactly as R's <c>aeqSurv</c> under <c>timefix = TRUE</c> (see <see cref="TimeFix"/>). True unless set.
    /// </summary>
    public bool MergeNearEqualTimes { get; init; } = true;

    private readonly double confidenceLevel = 0.95;

    /// <summary>The two-sided normal quantile z of the confidence level, computed as R: <c>qnorm(1 - (1 - conf.int) / 2)</c>.</summary>
    internal double NormalQuantile => Distributions.Probability.NormalQuantile(1 - (1 - ConfidenceLevel) / 2);
}
