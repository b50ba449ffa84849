using System.Globalization;

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
    public static bool TryParse(ReadOnlySpan<char> cell, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (cell.Length > 0 && cell[0] == '-')
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
            var c = cell[i];
            if (c == '.')
            {
                if (decimals >= 0)
                {
                    return false;
                }
                decimals = 0;
                continue;
            }
            if (c is < '0' or > '9')
            {
                return false;
            }
            var digit = c - '0';
            digits++;
            if (mantissa != 0 || digit != 0)
            {
                significant++;
            }
            if (significant > 15)
            {
                return false;
            }
            mantissa = mantissa * 10 + digit;
            if (decimals >= 0)
            {
                decimals++;
            }
        }
        if (digits == 0 || decimals > 22 || decimals == 0)
        {
            return false;
        }
        value = decimals > 0 ? mantissa / PowersOfTen[decimals] : mantissa;
        if (negative)
        {
            value = -value;
        }
        return true;
    }
}
