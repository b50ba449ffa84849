using System.Text.Json;
using Xunit.Sdk;

namespace Sarc.Testing;

/// <summary>One relative-tolerance comparison for every numeric test, so that a failure always says how far off it was.</summary>
public static class AssertNear
{
    /// <summary>
    /// Asserts |actual - expected| &lt;= tolerance * |expected| (or below <see cref="Tolerance.AbsoluteFloor"/>).
    /// NaN matches only NaN, and infinities only the same infinity.
    /// </summary>
    public static void Relative(double expected, double actual, double tolerance, string what)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            if (double.IsNaN(expected) && double.IsNaN(actual))
            {
                return;
            }
            throw new XunitException($"{what}: expected {Format(expected)}, got {Format(actual)}");
        }
        if (double.IsInfinity(expected) || double.IsInfinity(actual))
        {
            if (expected == actual)
            {
                return;
            }
            throw new XunitException($"{what}: expected {Format(expected)}, got {Format(actual)}");
        }
        var difference = Math.Abs(actual - expected);
        if (difference <= Tolerance.AbsoluteFloor || difference <= tolerance * Math.Abs(expected))
        {
            return;
        }
        var relative = expected == 0 ? double.PositiveInfinity : difference / Math.Abs(expected);
        throw new XunitException(
            $"{what}: expected {Format(expected)}, got {Format(actual)} (relative error {relative:G3} > {tolerance:G3})");
    }

    /// <summary>Compares against a fixture value where JSON null (R's NA) stands for NaN.</summary>
    public static void Relative(JsonElement expected, double actual, double tolerance, string what) =>
        Relative(Fixture.Number(expected), actual, tolerance, what);

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
