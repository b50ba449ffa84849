namespace Sarc.Statistics.Survival;

/// <summary>
/// The scale on which a pointwise confidence interval of a survival probability S(t) is built from the Greenwood
/// standard error; as R survfit's <c>conf.type</c>. See docs/methods/kaplan-meier.md.
/// </summary>
public enum ConfidenceType
{
    /// <summary>exp(log S ± z se(log S)), upper limit capped at 1; R <c>conf.type = "log"</c> (survfit's default).</summary>
    Log,

    /// <summary>S^exp(±z se(log S) / log S), the interval of log(-log S); R <c>conf.type = "log-log"</c>. Undefined (NaN) where S is 0 or 1.</summary>
    LogLog,

    /// <summary>S ± z S se(log S), clipped to [0, 1]; R <c>conf.type = "plain"</c>.</summary>
    Plain,
}
