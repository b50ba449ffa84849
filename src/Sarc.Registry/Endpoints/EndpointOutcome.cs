namespace Sarc.Registry.Endpoints;

/// <summary>
/// One patient's value of a single-row endpoint: from <paramref name="Origin"/> to <paramref name="End"/> (the event, or
/// the censoring date) with <paramref name="Status"/> (0 censored, 1 the event, 2 the competing death of a
/// competing-risks endpoint).
/// </summary>
public readonly record struct EndpointOutcome(DateOnly Origin, DateOnly End, int Status)
{
    /// <summary>Time in months (<see cref="EndpointTime.DaysPerMonth"/>).</summary>
    public double Months => EndpointTime.Months(Origin, End);
}
