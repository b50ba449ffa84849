using System.Net;

namespace Sarc.Web.Tests;

/// <summary>Sign-in rate limits per e-mail and per client address, on top of the lockout (here 3 per e-mail, 5 per address, in 15 minutes).</summary>
public sealed class LoginThrottleTest : IAsyncLifetime
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private WebHarness _web = null!;

    public async Task InitializeAsync() =>
        _web = await WebHarness.StartAsync(configure: o => o with { Clock = _clock, LoginFailuresPerAccount = 3, LoginFailuresPerAddress = 5 });

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task Account_PastItsFailures_IsRefusedUncheckedUntilTheWindowEnds()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await WebHarness.PostLogin(_web.Anonymous(), "dm@t.org", "wrong-password")).StatusCode);
        }

        var refused = await WebHarness.PostLogin(_web.Anonymous(), "dm@t.org", WebHarness.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), refused.Headers.RetryAfter!.Delta);
        Assert.Contains("Too many failed sign-ins; try again in 15 minutes.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        _clock.Now += TimeSpan.FromMinutes(15);
        Assert.Equal(HttpStatusCode.Redirect, (await WebHarness.PostLogin(_web.Anonymous(), "dm@t.org", WebHarness.Password)).StatusCode);
    }

    [Fact]
    public async Task Account_UnknownEmail_IsLimitedLikeAKnownOne()
    {
        for (var i = 0; i < 3; i++)
        {
            await WebHarness.PostLogin(_web.Anonymous(), "nobody@t.org", "wrong-password");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await WebHarness.PostLogin(_web.Anonymous(), "nobody@t.org", "wrong-password")).StatusCode);
    }

    [Fact]
    public async Task Address_SprayingManyEmails_IsRefusedEvenForARightPassword()
    {
        for (var i = 0; i < 5; i++)
        {
            await WebHarness.PostLogin(_web.Anonymous(), $"guess{i}@t.org", "wrong-password");
        }

        var refused = await WebHarness.PostLogin(_web.Anonymous(), "admin@t.org", WebHarness.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Account_SuccessClearsItsCount()
    {
        await WebHarness.PostLogin(_web.Anonymous(), "dm@t.org", "wrong-password");
        await WebHarness.PostLogin(_web.Anonymous(), "dm@t.org", "wrong-password");
        Assert.Equal(HttpStatusCode.Redirect, (await WebHarness.PostLogin(_web.Anonymous(), "dm@t.org", WebHarness.Password)).StatusCode);

        await WebHarness.PostLogin(_web.Anonymous(), "dm@t.org", "wrong-password");
        await WebHarness.PostLogin(_web.Anonymous(), "dm@t.org", "wrong-password");

        Assert.Equal(HttpStatusCode.Redirect, (await WebHarness.PostLogin(_web.Anonymous(), "dm@t.org", WebHarness.Password)).StatusCode);
    }
}
