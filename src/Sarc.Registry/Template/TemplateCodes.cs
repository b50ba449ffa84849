using System.Globalization;
using Sarc.Registry.Domain;

namespace Sarc.Registry.Template;

/// <summary>The text codes of the template for each coded value, both ways; also the number and date text forms.</summary>
internal static class TemplateCodes
{
    public static readonly string[] SexCodes = ["M", "F"];
    public static readonly string[] SiteCodes = ["extremity_lower", "extremity_upper", "trunk", "retroperitoneum", "head_neck", "visceral"];
    public static readonly string[] DepthCodes = ["superficial", "deep"];
    public static readonly string[] GradeCodes = ["1", "2", "3", "X"];
    public static readonly string[] MarginCodes = ["R0", "R1", "R2", "RX"];
    public static readonly string[] SmokingCodes = ["never", "former", "current"];
    public static readonly string[] SettingCodes = ["neoadjuvant", "adjuvant", "definitive", "palliative"];
    public static readonly string[] CauseCodes = ["sarcoma", "other", "unknown"];
    public static readonly string[] EventKindCodes = ["lr", "dm", "death"];

    /// <summary>The position of <paramref name="text"/> in <paramref name="codes"/> (exact match), or -1.</summary>
    public static int Find(string[] codes, ReadOnlySpan<char> text)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            if (text.SequenceEqual(codes[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The problem text for a value that is not one of <paramref name="codes"/>.</summary>
    public static string NotOneOf(string[] codes, string text) => $"'{text}' is not one of {string.Join(" | ", codes)}";

    /// <summary>Shortest text that parses back to the same double (round-trip form), invariant culture.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Code(Sex v) => SexCodes[(int)v];

    public static string Code(TumorSite v) => SiteCodes[(int)v];

    public static string Code(TumorDepth v) => DepthCodes[(int)v];

    public static string Code(FnclccGrade v) => GradeCodes[(int)v];

    public static string Code(ResectionMargin v) => MarginCodes[(int)v];

    public static string Code(SmokingStatus v) => SmokingCodes[(int)v];

    public static string Code(RadiotherapySetting v) => SettingCodes[(int)v];

    public static string Code(DeathCause v) => CauseCodes[(int)v];

    public static string Code(OutcomeEventKind v) => EventKindCodes[(int)v];
}
