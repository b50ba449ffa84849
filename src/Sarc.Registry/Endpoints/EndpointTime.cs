namespace Sarc.Registry.Endpoints;

/// <summary>The time units of every endpoint and covariate (docs/formats.md): defined once, used by the CLI, the studies and the simulator.</summary>
public static class EndpointTime
{
    /// <summary>Days per month, as in the domain definitions (365.25 / 12).</summary>
    public const double DaysPerMonth = 30.4375;

    /// <summary>Days per year, for ages.</summary>
    public const double DaysPerYear = 365.25;

    /// <summary>Months from <paramref name="from"/> to <paramref name="to"/> (negative when <paramref name="to"/> is earlier).</summary>
    public static double Months(DateOnly from, DateOnly to) => (to.DayNumber - from.DayNumber) / DaysPerMonth;

    /// <summary>Years from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static double Years(DateOnly from, DateOnly to) => (to.DayNumber - from.DayNumber) / DaysPerYear;
}
