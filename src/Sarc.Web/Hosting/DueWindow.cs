using Sarc.Surveillance;

namespace Sarc.Web.Hosting;

/// <summary>
/// The window of a due list as the worklist, the calendar and the API take it: an as-of date from <see cref="Earliest"/>
/// to <see cref="Latest"/> (ISO <c>YYYY-MM-DD</c>) and 0 to <see cref="MaxDays"/> days ahead. Dates outside that range
/// are refused rather than computed with (a date near year 9999 cannot have days added to it).
/// </summary>
internal static class DueWindow
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2199, 12, 31);

    /// <summary>The longest window, in days (ten years).</summary>
    public const int MaxDays = 3650;

    /// <summary>Reads <paramref name="text"/>: null when it is a date in range, otherwise the one-line problem.</summary>
    public static string? TryDate(string? text, out DateOnly asOf)
    {
        if (!TemplateCodes.TryDate(text, out asOf))
        {
            return "as_of must be a date YYYY-MM-DD";
        }
        return asOf < Earliest || asOf > Latest
            ? $"as_of must be a date from {TemplateCodes.Date(Earliest)} to {TemplateCodes.Date(Latest)}"
            : null;
    }

    /// <summary>Null when <paramref name="days"/> is in range, otherwise the problem naming <paramref name="name"/>.</summary>
    public static string? CheckDays(int days, string name) =>
        days is < 0 or > MaxDays ? $"{name} must be a whole number from 0 to {MaxDays}" : null;

    /// <summary>The default window: <see cref="SurveillancePlanner.DefaultWithinDays"/>.</summary>
    public static int DefaultDays => SurveillancePlanner.DefaultWithinDays;
}
