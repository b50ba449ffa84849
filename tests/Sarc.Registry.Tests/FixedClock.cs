namespace Sarc.Registry.Tests;

/// <summary>A clock that always says the same instant, so audit times can be asserted exactly.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Instant = new(2026, 11, 23, 9, 30, 15, 123, TimeSpan.Zero);

    public FixedClock()
        : this(Instant)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;
}
