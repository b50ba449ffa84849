using Sarc.Surveillance.Rules;

namespace Sarc.Surveillance.Tests.Rules;

public class ExamRuleTest
{
    [Theory]
    // No range: every N months counted from month 0, i.e. months divisible by N.
    [InlineData(null, null, 12, 24, true)]
    [InlineData(null, null, 12, 18, false)]
    // A range whose start is not a multiple of N: counted from the range start (10), so 22 and 34, not 24 or 36.
    [InlineData(10, 40, 12, 22, true)]
    [InlineData(10, 40, 12, 34, true)]
    [InlineData(10, 40, 12, 24, false)]
    // Ranges are (after, through]: month 10 itself is outside, month 40 inside.
    [InlineData(10, 40, null, 10, false)]
    [InlineData(10, 40, null, 40, true)]
    [InlineData(10, 40, null, 41, false)]
    public void AppliesAt_Month_CountsEveryFromTheRangeStart(int? after, int? through, int? every, int month, bool expected)
    {
        var rule = new ExamRule("x", after is null ? null : new MonthRange(after.Value, through!.Value), every);
        Assert.Equal(expected, rule.AppliesAt(month));
    }
}
