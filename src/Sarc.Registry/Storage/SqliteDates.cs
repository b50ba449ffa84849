namespace Sarc.Registry.Storage;

/// <summary>ISO <c>yyyy-MM-dd</c> dates as UTF-8 bytes, both ways, for SQLite's text date columns.</summary>
internal static class SqliteDates
{
    public static void Write(DateOnly date, Span<byte> ten)
    {
        var (y, m, d) = (date.Year, date.Month, date.Day);
        ten[0] = (byte)('0' + y / 1000);
        ten[1] = (byte)('0' + y / 100 % 10);
        ten[2] = (byte)('0' + y / 10 % 10);
        ten[3] = (byte)('0' + y % 10);
        ten[4] = (byte)'-';
        ten[5] = (byte)('0' + m / 10);
        ten[6] = (byte)('0' + m % 10);
        ten[7] = (byte)'-';
        ten[8] = (byte)('0' + d / 10);
        ten[9] = (byte)('0' + d % 10);
    }

    /// <exception cref="InvalidDataException">Not a <c>yyyy-MM-dd</c> date: the database was changed outside sarc.</exception>
    public static DateOnly Parse(ReadOnlySpan<byte> text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            throw new InvalidDataException($"Stored date '{System.Text.Encoding.UTF8.GetString(text)}' is not yyyy-MM-dd.");
        }
        return new DateOnly(Digits(text[..4]), Digits(text[5..7]), Digits(text[8..10]));
    }

    private static int Digits(ReadOnlySpan<byte> text)
    {
        var value = 0;
        foreach (var b in text)
        {
            var digit = b - '0';
            if ((uint)digit > 9)
            {
                throw new InvalidDataException("Stored date has a non-digit.");
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
