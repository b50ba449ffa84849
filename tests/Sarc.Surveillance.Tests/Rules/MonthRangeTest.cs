using Sarc.Surveillance.Rules;

namespace Sarc.Surveillance.Tests.Rules;

public class MonthRangeTest
{
    [Theory]
    [InlineData(0, 36, 36, 60, false)] // adjacent ranges share no month
    [InlineData(0, 36, 35, 60, true)]
    [InlineData(10, 20, 0, 100, true)]
    public void MonthRange_Overlaps_OnlyWhenAMonthIsShared(int a1, int b1, int a2, int b2, bool expected)
    {
        Assert.Equal(expected, new MonthRange(a1, b1).Overlaps(new MonthRange(a2, b2)));
        Assert.Equal(expected, new MonthRange(a2, b2).Overlaps(new MonthRange(a1, b1)));
    }

    [Fact]
    public void MonthRange_Contains_IsAfterStartUpToAndIncludingEnd()
    {
        var range = new MonthRange(36, 60);
        Assert.False(range.Contains(36));
        Assert.True(range.Contains(37));
        Assert.True(range.Contains(60));
        Assert.False(range.Contains(61));
        Assert.Equal(24, range.Length);
        Assert.Equal("36-60", range.ToString());
    }
}
