using Microsoft.AspNetCore.Identity;
using Sarc.Registry.Accounts;

namespace Sarc.Web.Accounts;

/// <summary>Passwords hashed with ASP.NET Core Identity's default <see cref="PasswordHasher{TUser}"/> (PBKDF2, its versioned format).</summary>
public sealed class IdentityPasswordHashing : IPasswordHashing
{
    /// <summary>The one instance (the hasher keeps no state).</summary>
    public static readonly IdentityPasswordHashing Instance = new();

    // The hasher's default format does not use the user object; one placeholder serves every call.
    private static readonly WebUser Anyone = new("", UserRole.Investigator, []);
    private readonly PasswordHasher<WebUser> _hasher = new();

    private IdentityPasswordHashing()
    {
    }

    /// <inheritdoc/>
    public string Hash(string password) => _hasher.HashPassword(Anyone, password);

    /// <inheritdoc/>
    public bool Verify(string hash, string password) => _hasher.VerifyHashedPassword(Anyone, hash, password) != PasswordVerificationResult.Failed;
}
