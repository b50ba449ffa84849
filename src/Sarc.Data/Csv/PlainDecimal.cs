using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;

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
        // The fast form is ASCII and short: narrowed to bytes, it takes the one byte-level implementation.
        Span<byte> bytes = stackalloc byte[48];
        if (cell.Length > bytes.Length || Ascii.FromUtf16(cell, bytes, out var length) != System.Buffers.OperationStatus.Done)
        {
            value = 0;
            return false;
        }
        return TryParse(bytes[..length], out value);
    }

    /// <summary>The same for a cell as UTF-8 bytes (the quote-free reader parses the file's bytes directly).</summary>
    public static bool TryParse(ReadOnlySpan<byte> cell, out double value) => ParsePrefix(cell, out value) == cell.Length;

    /// <summary>
    /// Parses the fast form at the start of <paramref name="cell"/> up to its first character that cannot continue a
    /// number; returns how many characters that took, or -1 when that prefix is not in the fast form (the caller
    /// then gives the whole cell to double.Parse). The quote-free reader uses it to parse a cell and find its end in
    /// one scan.
    /// </summary>
    /// <remarks>Bytes only and not generic, so that ReadyToRun precompiles it. Digits are taken eight at a time
    /// where eight bytes can be read (one 64-bit load, checked and converted with a few multiplications: the long
    /// fractions of exported doubles), a run's last 1–7 digits in one such load too, then one by one near the cell's
    /// end; leading zeros are looked at only for long mantissas.</remarks>
    // Hot loop: jitted fully optimized at first call. ReadyToRun code cannot inline across assemblies (Span
    // helpers stay calls) and a method called a few times is never re-jitted, so the precompiled loop would stay slow.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ParsePrefix(ReadOnlySpan<byte> cell, out double value)
    {
        unchecked
        {
            value = 0;
            var i = 0;
            var negative = cell.Length > 0 && cell[0] == '-';
            if (negative)
            {
                i = 1;
            }
            var first = i;
            long mantissa = 0;
            i = DigitRun(cell, i, ref mantissa);
            var digits = i - first;
            var decimals = 0;
            if (i < cell.Length && cell[i] == '.')
            {
                i++;
                var fraction = i;
                i = DigitRun(cell, i, ref mantissa);
                decimals = i - fraction;
                if (decimals == 0 || decimals > 22)
                {
                    return -1;
                }
                digits += decimals;
            }
            if (digits == 0 || (digits > 15 && digits - LeadingZeros(cell[first..i]) > 15))
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

    /// <summary>10^k for k = 0 … 8, the scale of a run's last (partial) block of digits.</summary>
    private static readonly long[] BlockScale = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    /// <summary>
    /// Appends the run of ASCII digits starting at <paramref name="i"/> to <paramref name="mantissa"/> (the integer part
    /// and the fraction alike) and returns where the run ends. It may wrap past 2^63 on a long run; the caller rejects
    /// more than 15 significant digits before the mantissa is used.
    /// </summary>
    /// <remarks>Where eight bytes can be read, eight at a time: a full block of digits at once, and the run's last
    /// 0–7 digits at once too (the count of leading digit bytes found from the word's mask, the digits shifted to the
    /// top of the word so that the eight-digit conversion reads zeros before them). Near the cell's end, one by one.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DigitRun(ReadOnlySpan<byte> cell, int i, ref long mantissa)
    {
        unchecked
        {
            ref var start = ref MemoryMarshal.GetReference(cell);
            while (i + 8 <= cell.Length)
            {
                var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i));
                if (!BitConverter.IsLittleEndian)
                {
                    word = BinaryPrimitives.ReverseEndianness(word);
                }
                // Zero in every byte that is an ASCII digit, up to and including the first that is not (a carry of
                // the addition can only come from a byte at or after that one).
                var other = ((word & 0xF0F0F0F0F0F0F0F0UL) | (((word + 0x0606060606060606UL) & 0xF0F0F0F0F0F0F0F0UL) >> 4)) ^ 0x3333333333333333UL;
                if (other == 0)
                {
                    mantissa = mantissa * 100_000_000 + EightDigits(word - 0x3030303030303030UL);
                    i += 8;
                    continue;
                }
                var count = BitOperations.TrailingZeroCount(other) >> 3;
                if (count > 0)
                {
                    // The first count bytes to the top; the bytes shifted in are zero digits, those shifted out
                    // (and any borrow into them) were not digits.
                    mantissa = mantissa * BlockScale[count] + EightDigits((word - 0x3030303030303030UL) << (64 - 8 * count));
                }
                return i + count;
            }
            uint digit;
            while (i < cell.Length && (digit = (uint)(cell[i] - '0')) <= 9)
            {
                mantissa = mantissa * 10 + digit;
                i++;
            }
            return i;
        }
    }

    /// <summary>
    /// The value of eight decimal digits, one per byte of a little-endian 64-bit word, the first digit in the lowest
    /// byte: the SWAR method of simdjson / fast_float (Lemire).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint EightDigits(ulong digits)
    {
        unchecked
        {
            digits = digits * 10 + (digits >> 8);
            digits = (((digits & 0x000000FF000000FFUL) * (100 + (1000000UL << 32)))
                + (((digits >> 16) & 0x000000FF000000FFUL) * (1 + (10000UL << 32)))) >> 32;
            return (uint)digits;
        }
    }

    /// <summary>The zeros before the first non-zero digit (the point skipped): they are not significant.</summary>
    private static int LeadingZeros(ReadOnlySpan<byte> number)
    {
        var count = 0;
        foreach (var c in number)
        {
            if (c == '0')
            {
                count++;
            }
            else if (c != '.')
            {
                break;
            }
        }
        return count;
    }
}
