using Sarc.Registry.Codes;
using Sarc.Registry.Domain;

namespace Sarc.Web.Hosting;

/// <summary>
/// Template codes for display and filters: thin forwards to the registry's code tables (<see cref="RegistryCodes"/>),
/// the one home of every code list, so that nothing here can drift from what import and export write.
/// </summary>
internal static class TemplateCodes
{
    public static string[] SiteCodes => [.. RegistryCodes.Site.Codes];

    public static string[] GradeCodes => [.. RegistryCodes.Grade.Codes];

    public static string Date(DateOnly value) => CellText.Date(value);

    /// <summary>Parses an ISO <c>YYYY-MM-DD</c> date, the only form the template accepts.</summary>
    public static bool TryDate(string? text, out DateOnly value) => CellText.TryDate(text, out value);

    /// <summary>Death cause codes, for the death form.</summary>
    public static IReadOnlyList<string> Causes => RegistryCodes.DeathCause.Codes;

    public static string Code(TumorSite v) => RegistryCodes.Site.Code(v);

    public static string Code(FnclccGrade v) => RegistryCodes.Grade.Code(v);

    public static string Code(ResectionMargin? v) => RegistryCodes.Margin.Code(v);

    public static string Code(RadiotherapySetting v) => RegistryCodes.RadiotherapySetting.Code(v);

    public static string Code(DeathCause v) => RegistryCodes.DeathCause.Code(v);
}
