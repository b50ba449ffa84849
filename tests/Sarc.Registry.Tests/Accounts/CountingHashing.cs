using Sarc.Registry.Accounts;

namespace Sarc.Registry.Tests.Accounts;

/// <summary>A transparent stand-in for the web's PBKDF2 hasher that counts how many hashes were checked.</summary>
internal sealed class CountingHashing : IPasswordHashing
{
    private int _verified;

    public int Verified => _verified;

    public string Hash(string password) => "plain:" + password;

    public bool Verify(string hash, string password)
    {
        Interlocked.Increment(ref _verified);
        return hash == "plain:" + password;
    }
}
