using Sarc.Data;

namespace Sarc.Surveillance.Tests;

public class SurveillanceInputTest
{
    [Theory]
    [InlineData("1", TumorGrade.G1)]
    [InlineData("2", TumorGrade.G2)]
    [InlineData("3", TumorGrade.G3)]
    [InlineData("X", TumorGrade.GX)]
    [InlineData("x", TumorGrade.GX)]
    [InlineData(" G3 ", TumorGrade.G3)] // as pathology reports write it
    [InlineData("gx", TumorGrade.GX)]
    public void ParseGrade_RegistryAndReportSpellings_AreAccepted(string text, TumorGrade expected)
    {
        Assert.Equal(expected, SurveillanceInput.ParseGrade(text));
    }

    [Theory]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("high")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("G")]
    public void ParseGrade_AnythingElse_IsAOneLineUserError(string? text)
    {
        var e = Assert.Throws<DataInputException>(() => SurveillanceInput.ParseGrade(text, "--grade"));
        Assert.Equal($"--grade: unknown grade '{text}'; expected 1, 2, 3 or X.", e.Message);
    }

    [Theory]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData(" 2023-01-31 ", 2023, 1, 31)]
    public void ParseDate_IsoDate_IsAccepted(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), SurveillanceInput.ParseDate(text, "--surgery-date"));
    }

    [Theory]
    [InlineData("2023-02-29")] // not a leap year
    [InlineData("2023-13-01")]
    [InlineData("31/01/2023")]
    [InlineData("2023-1-5")]
    [InlineData("2023-01-31T00:00")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void ParseDate_NotAnIsoDate_IsAOneLineUserError(string text)
    {
        var e = Assert.Throws<DataInputException>(() => SurveillanceInput.ParseDate(text, "--surgery-date"));
        Assert.Equal($"--surgery-date: '{text}' is not a date; expected YYYY-MM-DD.", e.Message);
    }

    [Theory]
    [InlineData(TumorGrade.G1, "1")]
    [InlineData(TumorGrade.GX, "X")]
    public void Format_Grade_IsTheRegistrySpelling(TumorGrade grade, string expected)
    {
        Assert.Equal(expected, SurveillanceInput.Format(grade));
    }
}
