namespace Sarc.Web.Tests;

/// <summary>A clock the test moves by hand (sessions, lockouts, sign-in windows).</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
