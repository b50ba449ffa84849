namespace Sarc.Statistics.Survival;

/// <summary>
/// The Kaplan-Meier curve read at one requested time, as a row of R's <c>summary(fit, times = t, extend = TRUE)</c>.
/// </summary>
/// <param name="Time">The requested time.</param>
/// <param name="AtRisk">Subjects still at risk at <paramref name="Time"/> (time ≥ t); 0 after the last time.</param>
/// <param name="Survival">S(t), right-continuous: includes the step at t itself; 1 before the first event.</param>
/// <param name="StdErr">Greenwood standard error of S(t) itself (not of log S); 0 before the first event, NaN once S is 0.</param>
/// <param name="Lower">Lower pointwise confidence limit of the curve's interval type; NaN where R gives NA.</param>
/// <param name="Upper">Upper pointwise confidence limit; NaN where R gives NA.</param>
public readonly record struct SurvivalAtTime(double Time, int AtRisk, double Survival, double StdErr, double Lower, double Upper);
