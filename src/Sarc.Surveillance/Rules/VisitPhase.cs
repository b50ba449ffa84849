namespace Sarc.Surveillance.Rules;

/// <summary>
/// A stretch of a plan with visits at a fixed interval: months <c>After + Every</c>, <c>After + 2 Every</c>, …,
/// <c>Through</c> (the reader checks that the range is a whole number of intervals).
/// </summary>
/// <param name="Months">The months the phase covers.</param>
/// <param name="EveryMonths">Interval between visits in calendar months, &gt; 0.</param>
public sealed record VisitPhase(MonthRange Months, int EveryMonths);
