using System.Globalization;
using System.Numerics;

namespace Sarc.Data.Csv;

/// <summary>The fast, exact path for the numbers CSV exports are made of; everything else goes to double.Parse.</summary>
internal static class PlainDecimal
{
    /// <summary>10^k for k = 0 … 22: every one is exact in a double, which the fast path relies on.</summary>
    private static readonly double[] PowersOfTen = Enumerable.Range(0, 23).Select(k => double.Parse("1e" + k, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// Parses [-]digits[.digits] with at most 15 significant digits and 22 decimals, the form nearly every cell
    /// of a numeric export has. The digits form an integer below 2^53 and 10^decimals is exact, so one
    /// correctly rounded division gives exactly what double.Parse gives (Clinger's fast path); anything else is
    /// left to double.Parse.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> cell, out double value) => TryParse<char>(cell, out value);

    /// <summary>The same for a cell as UTF-8 bytes (the quote-free reader parses the file's bytes directly).</summary>
    public static bool TryParse(ReadOnlySpan<byte> cell, out double value) => TryParse<byte>(cell, out value);

    /// <summary>
    /// Parses the fast form at the start of <paramref name="text"/> up to its first character that cannot continue a
    /// number; returns how many characters that took, or -1 when that prefix is not in the fast form (the caller
    /// then gives the whole cell to double.Parse). The quote-free reader uses it to parse a cell and find its end in
    /// one scan.
    /// </summary>
    public static int ParsePrefix(ReadOnlySpan<byte> text, out double value) => ParsePrefix<byte>(text, out value);

    private static bool TryParse<T>(ReadOnlySpan<T> cell, out double value)
        where T : unmanaged, IBinaryInteger<T> => ParsePrefix(cell, out value) == cell.Length;

    // Generic over the code unit so that chars and bytes share one loop; the JIT specializes it for each.
    private static int ParsePrefix<T>(ReadOnlySpan<T> cell, out double value)
        where T : unmanaged, IBinaryInteger<T>
    {
        unchecked
        {
            value = 0;
            var i = 0;
            var negative = false;
            if (cell.Length > 0 && int.CreateTruncating(cell[0]) == '-')
            {
                negative = true;
                i = 1;
            }
            long mantissa = 0;
            var digits = 0;
            var decimals = -1;
            var significant = 0;
            for (; i < cell.Length; i++)
            {
                var c = int.CreateTruncating(cell[i]);
                var digit = c - '0';
                if ((uint)digit > 9)
                {
                    if (c != '.' || decimals >= 0)
                    {
                        break;
                    }
                    decimals = 0;
                    continue;
                }
                digits++;
                if (mantissa != 0 || digit != 0)
                {
                    significant++;
                }
                mantissa = mantissa * 10 + digit;
                if (decimals >= 0)
                {
                    decimals++;
                }
            }
            if (digits == 0 || significant > 15 || decimals > 22 || decimals == 0)
            {
                return -1;
            }
            value = decimals > 0 ? mantissa / PowersOfTen[decimals] : mantissa;
            if (negative)
            {
                value = -value;
            }
            return i;
        }
    }
}
