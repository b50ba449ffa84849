namespace Sarc.Surveillance.Tests;

/// <summary>A clock that always says the same instant, so written files are reproducible.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
