using System.Globalization;
using Sarc.Data.Csv;

namespace Sarc.Data.Tests.Csv;

public class PlainDecimalTest
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("12.5")]
    [InlineData("0.1")]
    [InlineData("0.3")]
    [InlineData(".5")]
    [InlineData("-123.456")]
    [InlineData("999999999999999")]
    [InlineData("0.000000000000000000001")]
    [InlineData("30.4375")]
    public void TryParse_PlainDecimals_EqualDoubleParseBitForBit(string text)
    {
        Assert.True(PlainDecimal.TryParse(text, out var value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(value));
    }

    [Theory]
    // Each is a number double.Parse reads, but not in the exact fast form: it must be left to double.Parse.
    [InlineData("1e5")]
    [InlineData(" 5")]
    [InlineData("5.")]
    [InlineData("1234567890123456")]
    [InlineData("0.12345678901234567")]
    [InlineData("+5")]
    [InlineData("1.2.3")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("NA")]
    public void TryParse_OtherForms_AreLeftToDoubleParse(string text)
    {
        Assert.False(PlainDecimal.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_RandomDecimals_EqualDoubleParse()
    {
        // Random mantissas and scales over the whole fast-path range, so that a rounding slip anywhere shows.
        var random = new Random(20261123);
        for (var n = 0; n < 200_000; n++)
        {
            // At most 15 digits in all: the fast path's whole range.
            var integerDigits = random.Next(1, 9);
            var fractionDigits = random.Next(0, 16 - integerDigits);
            var text = (random.Next(2) == 0 ? "-" : "") + Digits(random, integerDigits) +
                (fractionDigits > 0 ? "." + Digits(random, fractionDigits) : "");
            Assert.True(PlainDecimal.TryParse(text, out var value), text);
            Assert.True(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)) == BitConverter.DoubleToInt64Bits(value), text);
        }
    }

    [Fact]
    public void ParsePrefix_ExportedDoublesInALine_EqualDoubleParseAndStopAtTheComma()
    {
        // As R's fwrite writes doubles: up to 15 significant digits after leading zeros ("0.00718822557982519" has
        // 18 digits), so the digits come eight at a time across the point and the comma.
        var random = new Random(20261203);
        for (var n = 0; n < 200_000; n++)
        {
            var zeros = random.Next(0, 6);
            var significant = random.Next(1, 16);
            var integer = random.Next(3) == 0 ? Digits(random, random.Next(1, 4)).TrimStart('0') : "";
            var fractionDigits = Math.Max(1, significant - integer.Length);
            var text = (random.Next(2) == 0 ? "-" : "") + (integer.Length == 0 ? "0" : integer) + "." + new string('0', zeros) +
                "123456789"[random.Next(9)] + Digits(random, fractionDigits - 1);
            var line = System.Text.Encoding.ASCII.GetBytes(text + "," + Digits(random, random.Next(1, 12)));
            var expected = double.Parse(text, CultureInfo.InvariantCulture);
            var length = PlainDecimal.ParsePrefix(line, out var value);
            var significantDigits = text.TrimStart('-').Replace(".", "", StringComparison.Ordinal).TrimStart('0').Length;
            if (significantDigits > 15)
            {
                Assert.True(length == -1, text);
                continue;
            }
            Assert.True(length == text.Length, text);
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(value), text);
        }
    }

    [Fact]
    public void ParsePrefix_DigitRunsEndingAtAnyByte_StopThereWithDoubleParsesValue()
    {
        // A run's last digits are read in one 64-bit load with the bytes after them: every run length against every
        // byte that can follow (those just below '0' and above '9', and high bytes whose +6 carries), at every
        // distance from the cell's end.
        var random = new Random(20261204);
        for (var before = 0; before <= 15; before++)
        {
            for (var after = 0; after <= 15 - before; after++)
            {
                for (var stop = 0; stop < 256; stop++)
                {
                    if (stop is >= '0' and <= '9' || (stop == '.' && after == 0))
                    {
                        continue;
                    }
                    var text = (before == 0 ? "0" : Digits(random, before)) + (after > 0 ? "." + Digits(random, after) : "");
                    var tail = random.Next(0, 10);
                    var cell = new byte[text.Length + 1 + tail];
                    System.Text.Encoding.ASCII.GetBytes(text).CopyTo(cell, 0);
                    cell[text.Length] = (byte)stop;
                    random.NextBytes(cell.AsSpan(text.Length + 1));
                    var significant = text.Replace(".", "", StringComparison.Ordinal).TrimStart('0').Length;
                    var length = PlainDecimal.ParsePrefix(cell, out var value);
                    if (significant > 15)
                    {
                        Assert.True(length == -1, text);
                        continue;
                    }
                    Assert.True(length == text.Length, $"{text} then byte {stop}: length {length}");
                    Assert.True(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)) == BitConverter.DoubleToInt64Bits(value), text);
                }
            }
        }
    }

    [Theory]
    // Sixteen significant digits reached through eight-digit blocks, and a trailing zero that counts.
    [InlineData("1234567812345678")]
    [InlineData("0.1234567812345678")]
    [InlineData("12345678.12345678")]
    [InlineData("100000000000000.0")]
    public void TryParse_SixteenSignificantDigits_AreLeftToDoubleParse(string text)
    {
        Assert.False(PlainDecimal.TryParse(text, out _));
    }

    private static string Digits(Random random, int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = (char)('0' + random.Next(10));
        }
        return new string(chars);
    }
}
