namespace Sarc.Surveillance.Rules;

/// <summary>
/// The months after month <see cref="After"/> up to and including month <see cref="Through"/>, counted from the start
/// of a plan; written <c>A-B</c> in a rule file, so <c>0-36</c> is the first three years and <c>36-60</c> the next two.
/// </summary>
/// <param name="After">Exclusive lower bound, &gt;= 0.</param>
/// <param name="Through">Inclusive upper bound, &gt; <paramref name="After"/>.</param>
public readonly record struct MonthRange(int After, int Through)
{
    /// <summary>Number of months in the range.</summary>
    public int Length => Through - After;

    /// <summary>True when <paramref name="month"/> is in (After, Through].</summary>
    public bool Contains(int month) => month > After && month <= Through;

    /// <summary>True when the two ranges share at least one month.</summary>
    public bool Overlaps(MonthRange other) => After < other.Through && other.After < Through;

    /// <summary>The rule-file spelling, <c>A-B</c>.</summary>
    public override string ToString() => $"{After}-{Through}";
}
