using System.Globalization;
using Sarc.Registry.Domain;

namespace Sarc.Web.Hosting;

/// <summary>
/// Template codes for display and filters. The registry keeps its code tables internal; these mirror docs/formats.md
/// in enum order, and a test checks them against the registry's export (TemplateCells) so they cannot drift.
/// </summary>
internal static class TemplateCodes
{
    public static readonly string[] SiteCodes = ["extremity_lower", "extremity_upper", "trunk", "retroperitoneum", "head_neck", "visceral"];
    public static readonly string[] GradeCodes = ["1", "2", "3", "X"];
    private static readonly string[] MarginCodes = ["R0", "R1", "R2", "RX"];
    private static readonly string[] SettingCodes = ["neoadjuvant", "adjuvant", "definitive", "palliative"];
    private static readonly string[] CauseCodes = ["sarcoma", "other", "unknown"];

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses an ISO <c>YYYY-MM-DD</c> date, the only form the template accepts.</summary>
    public static bool TryDate(string? text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>Death cause codes, for the death form.</summary>
    public static IReadOnlyList<string> Causes => CauseCodes;

    public static string Code(TumorSite v) => SiteCodes[(int)v];

    public static string Code(FnclccGrade v) => GradeCodes[(int)v];

    public static string Code(ResectionMargin v) => MarginCodes[(int)v];

    public static string Code(RadiotherapySetting v) => SettingCodes[(int)v];

    public static string Code(DeathCause v) => CauseCodes[(int)v];
}
