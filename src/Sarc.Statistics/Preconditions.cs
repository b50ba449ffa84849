using System.Runtime.CompilerServices;

namespace Sarc.Statistics;

/// <summary>
/// Guard clauses for programmer errors: each names the parameter and the valid range, and rejects NaN.
/// User and data mistakes are not reported through these; they are validated before the statistics are called.
/// </summary>
public static class Preconditions
{
    /// <summary>Requires a value that is not NaN (infinities pass).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN; the message names <paramref name="name"/>.</exception>
    public static void NotNaN(double value, string name)
    {
        if (double.IsNaN(value))
        {
            Fail(name, "must not be NaN", value);
        }
    }

    /// <summary>Requires value &gt; 0 (NaN fails, +infinity passes).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is 0, negative or NaN; the message names <paramref name="name"/>.</exception>
    public static void Positive(double value, string name)
    {
        if (!(value > 0))
        {
            Fail(name, "must be > 0", value);
        }
    }

    /// <summary>Requires value &gt;= 0 (NaN fails, +infinity passes).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative or NaN; the message names <paramref name="name"/>.</exception>
    public static void NonNegative(double value, string name)
    {
        if (!(value >= 0))
        {
            Fail(name, "must be >= 0", value);
        }
    }

    /// <summary>Requires low &lt; value &lt; high (NaN fails).</summary>
    public static void InOpenRange(double value, double low, double high, string name)
    {
        if (!(value > low && value < high))
        {
            Fail(name, $"must be in ({low}, {high})", value);
        }
    }

    /// <summary>Requires an array of the expected length, e.g. a column of the same length as the times.</summary>
    /// <exception cref="ArgumentException">The lengths differ; the message names <paramref name="name"/> and both lengths.</exception>
    public static void SameLength(int expected, int actual, string name)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"{name} has length {actual}, expected {expected}.", name);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Fail(string name, string rule, double value) =>
        throw new ArgumentOutOfRangeException(name, value, $"{name} {rule}.");
}
