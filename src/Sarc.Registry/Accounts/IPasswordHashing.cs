namespace Sarc.Registry.Accounts;

/// <summary>
/// How passwords are hashed and checked. The store keeps only the hash; the algorithm belongs to the front end that
/// takes passwords (the web app uses ASP.NET Core Identity's PBKDF2 hasher), so the registry needs no web framework.
/// </summary>
public interface IPasswordHashing
{
    /// <summary>A salted hash of <paramref name="password"/>, self-describing (algorithm and parameters included).</summary>
    string Hash(string password);

    /// <summary>Whether <paramref name="password"/> is the one <paramref name="hash"/> was made from.</summary>
    bool Verify(string hash, string password);
}
