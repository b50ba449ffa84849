using System.Globalization;

namespace Sarc.Registry.Codes;

/// <summary>
/// The text forms of numbers and dates in every registry file and the database's text columns: numbers in shortest
/// round-trip form (<c>0.30000000000000004</c> stays exactly that), whole numbers plain, dates ISO <c>YYYY-MM-DD</c>,
/// all culture-invariant.
/// </summary>
public static class CellText
{
    /// <summary>The latest date the registry accepts: a later one is a typo (e.g. 9020 for 2020), whatever "today" is.</summary>
    public static readonly DateOnly LatestDate = new(2200, 12, 31);

    /// <summary>Shortest text that parses back to the same double, invariant culture.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The number, or "" for null.</summary>
    public static string Number(double? value) => value is { } v ? Number(v) : "";

    /// <summary>A whole number in invariant culture, no separators (<c>-12</c>).</summary>
    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The whole number, or "" for null.</summary>
    public static string Integer(int? value) => value is { } v ? Integer(v) : "";

    /// <summary><c>YYYY-MM-DD</c>.</summary>
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The date, or "" for null.</summary>
    public static string Date(DateOnly? value) => value is { } v ? Date(v) : "";

    /// <summary>Parses exactly <c>YYYY-MM-DD</c> (no other form, so 03/04 can never be misread).</summary>
    public static bool TryDate(ReadOnlySpan<char> text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>Parses a finite number written with <c>.</c> as decimal separator.</summary>
    public static bool TryNumber(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Parses a whole number (optionally signed).</summary>
    public static bool TryInteger(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
