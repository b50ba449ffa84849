using Sarc.Studies.Definitions;

namespace Sarc.Studies.Tests.Kinds;

/// <summary>
/// <c>kind: finegray</c> checks its cause with the definition, as <c>kind: model</c> does: a cause that is not a
/// positive whole-number status code is an error on its own line before anything runs.
/// </summary>
public sealed class FinegrayKindTest
{
    private static StudyParseResult Parse(string cause) => StudyParser.Parse($"""
        id: s
        title: S
        analyses:
          - id: f
            kind: finegray
            endpoint: lr_cr
            formula: "~ age"
            cause: {cause}
        """, "s.yaml");

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("-2")]
    public void Parse_CauseNotAPositiveWholeNumber_IsAnErrorOnItsLine(string cause)
    {
        var error = Assert.Single(Parse(cause).Errors);

        Assert.Equal($"'cause' must be a positive whole-number status code of lr_cr_event, found {cause}", error.Message);
        Assert.Equal(8, error.Line);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void Parse_WholeNumberCause_IsAccepted(string cause) => Assert.Empty(Parse(cause).Errors);
}
