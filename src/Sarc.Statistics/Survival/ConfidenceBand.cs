namespace Sarc.Statistics.Survival;

/// <summary>
/// Pointwise confidence limits of a survival probability from the standard error of log S, as R's
/// <c>survfit_confint(p, se, logse = TRUE, conf.type, conf.int)</c>; NaN stands for R's NA.
/// </summary>
internal static class ConfidenceBand
{
    /// <summary>Limits of S = <paramref name="survival"/> with se(log S) = <paramref name="stdErrLog"/>; z the normal quantile.</summary>
    public static (double Lower, double Upper) Limits(double survival, double stdErrLog, double z, ConfidenceType type)
    {
        switch (type)
        {
            case ConfidenceType.Plain:
            {
                // R multiplies in this order (se * p * zval); Math.Max/Min propagate NaN as R's pmax/pmin do.
                var halfWidth = stdErrLog * survival * z;
                return (Math.Max(survival - halfWidth, 0), Math.Min(survival + halfWidth, 1));
            }
            case ConfidenceType.Log:
            {
                if (survival == 0)
                {
                    return (double.NaN, double.NaN);
                }
                var halfWidth = z * stdErrLog;
                var log = Math.Log(survival);
                return (Math.Exp(log - halfWidth), Math.Min(Math.Exp(log + halfWidth), 1));
            }
            case ConfidenceType.LogLog:
            {
                if (survival == 0 || survival == 1)
                {
                    return (double.NaN, double.NaN);
                }
                var log = Math.Log(survival);
                var halfWidth = z * stdErrLog / log;
                var logMinusLog = Math.Log(-log);
                return (Math.Exp(-Math.Exp(logMinusLog - halfWidth)), Math.Exp(-Math.Exp(logMinusLog + halfWidth)));
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown confidence type.");
        }
    }
}
