using System.Globalization;

namespace Sarc.Data.Formulas;

/// <summary>
/// The knots asked for in <c>rcs(x, k)</c> or <c>rcs(x, c(k1, k2, ...))</c>: a count (Harrell's default places,
/// 5 when <c>rcs(x)</c> gives none) or the knots themselves. Two specs are equal when they ask for the same thing.
/// </summary>
public sealed class SplineSpec : IEquatable<SplineSpec>
{
    private SplineSpec(int? count, double[]? knots)
    {
        Count = count;
        Knots = knots;
    }

    /// <summary>The number of knots asked for, when the places are left to Harrell's defaults; else null.</summary>
    public int? Count { get; }

    /// <summary>The knots given, as written; null when only a count was.</summary>
    public IReadOnlyList<double>? Knots { get; }

    /// <summary>R's text of the argument (<c>4</c>, <c>c(30, 50, 70)</c>), or null for <c>rcs(x)</c>.</summary>
    public string? ArgumentText => Knots is { } knots
        ? $"c({string.Join(", ", knots.Select(Number))})"
        : Count is { } count ? count.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary><paramref name="count"/> knots at Harrell's default places; null = rms's default of 5, written <c>rcs(x)</c>.</summary>
    public static SplineSpec WithCount(int? count) => new(count, null);

    /// <summary>The knots given by the user.</summary>
    public static SplineSpec WithKnots(IEnumerable<double> knots) => new(null, knots.ToArray());

    /// <summary>True when <paramref name="other"/> asks for the same knot count, or the same knots in the same order.</summary>
    public bool Equals(SplineSpec? other) =>
        other is not null && Count == other.Count &&
        (Knots is null ? other.Knots is null : other.Knots is not null && Knots.SequenceEqual(other.Knots));

    /// <summary>True when <paramref name="obj"/> is a <see cref="SplineSpec"/> that asks for the same thing.</summary>
    public override bool Equals(object? obj) => Equals(obj as SplineSpec);

    /// <summary>A hash consistent with <see cref="Equals(SplineSpec?)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(Count, Knots?.Count ?? -1, Knots is { Count: > 0 } k ? k[0] : 0);

    /// <summary>A number as R's deparse writes it (up to 15 significant digits).</summary>
    internal static string Number(double value) => value.ToString("G15", CultureInfo.InvariantCulture);
}
