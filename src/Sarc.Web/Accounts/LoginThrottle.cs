using Sarc.Web.Hosting;

namespace Sarc.Web.Accounts;

/// <summary>
/// Rate limits on sign-in, on top of the account lockout: failed attempts are counted per e-mail (known or not, so the
/// limit says nothing about which exist) and per client address in fixed windows of <see cref="WebOptions.LoginWindow"/>;
/// past <see cref="WebOptions.LoginFailuresPerAccount"/> or <see cref="WebOptions.LoginFailuresPerAddress"/> the next
/// tries are refused before any password is checked, which also keeps password hashing from being used to load the
/// server. In memory, per server; shared by all requests.
/// </summary>
internal sealed class LoginThrottle(WebOptions options)
{
    private const int MaxKeys = 100_000;

    private readonly Dictionary<string, (DateTimeOffset Start, int Failures)> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>How long until <paramref name="email"/> from <paramref name="address"/> may try again, or null when it may now.</summary>
    public TimeSpan? RetryAfter(string email, string address)
    {
        var now = options.Clock.GetUtcNow();
        lock (_gate)
        {
            var account = Wait(AccountKey(email), options.LoginFailuresPerAccount, now);
            var client = Wait(AddressKey(address), options.LoginFailuresPerAddress, now);
            return account is null ? client : client is null ? account : account > client ? account : client;
        }
    }

    /// <summary>Counts a failed attempt (wrong password, unknown e-mail, locked or disabled account).</summary>
    public void Failed(string email, string address)
    {
        var now = options.Clock.GetUtcNow();
        lock (_gate)
        {
            if (_windows.Count >= MaxKeys)
            {
                foreach (var key in _windows.Where(w => w.Value.Start + options.LoginWindow <= now).Select(w => w.Key).ToList())
                {
                    _windows.Remove(key);
                }
            }
            Count(AccountKey(email), now);
            Count(AddressKey(address), now);
        }
    }

    /// <summary>A successful sign-in clears the e-mail's count (not the address's: others may be trying from it).</summary>
    public void Succeeded(string email)
    {
        lock (_gate)
        {
            _windows.Remove(AccountKey(email));
        }
    }

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now) =>
        _windows.TryGetValue(key, out var w) && w.Start + options.LoginWindow > now && w.Failures >= limit ? w.Start + options.LoginWindow - now : null;

    private void Count(string key, DateTimeOffset now)
    {
        _windows[key] = _windows.TryGetValue(key, out var w) && w.Start + options.LoginWindow > now ? (w.Start, w.Failures + 1) : (now, 1);
    }

    private static string AccountKey(string email) => "account:" + email.Trim().ToLowerInvariant();

    private static string AddressKey(string address) => "address:" + address;
}
