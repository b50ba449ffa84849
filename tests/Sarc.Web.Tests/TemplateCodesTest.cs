using Sarc.Registry.Codes;
using Sarc.Registry.Domain;
using WebCodes = Sarc.Web.Hosting.TemplateCodes;

namespace Sarc.Web.Tests;

/// <summary>The web's template codes are the registry's code tables (its one home), for every enum value.</summary>
public sealed class TemplateCodesTest
{
    [Fact]
    public void Codes_AreTheRegistryCodeTables_ForEveryValue()
    {
        Assert.All(Enum.GetValues<TumorSite>(), v => Assert.Equal(RegistryCodes.Site.Code(v), WebCodes.Code(v)));
        Assert.All(Enum.GetValues<FnclccGrade>(), v => Assert.Equal(RegistryCodes.Grade.Code(v), WebCodes.Code(v)));
        Assert.All(Enum.GetValues<ResectionMargin>(), v => Assert.Equal(RegistryCodes.Margin.Code(v), WebCodes.Code(v)));
        Assert.All(Enum.GetValues<RadiotherapySetting>(), v => Assert.Equal(RegistryCodes.RadiotherapySetting.Code(v), WebCodes.Code(v)));
        Assert.All(Enum.GetValues<DeathCause>(), v => Assert.Equal(RegistryCodes.DeathCause.Code(v), WebCodes.Code(v)));
        Assert.Equal(["sarcoma", "treatment", "other", "unknown"], WebCodes.Causes);
    }
}
