namespace Sarc.Registry.Accounts;

/// <summary>An account: its e-mail (the login name), role and the centers whose patients it may see.</summary>
/// <remarks>Centers are codes as in the template's <c>center</c> column, ignored for <see cref="UserRole.Admin"/>, who sees all. The e-mail is lower-case.</remarks>
public sealed record WebUser(string Email, UserRole Role, IReadOnlyList<string> Centers)
{
    /// <summary>
    /// A random value that changes whenever the account's access is changed (disabled, enabled): a session or other
    /// credential issued under an older stamp is no longer valid. Empty for a user not read from the store.
    /// </summary>
    public string SecurityStamp { get; init; } = "";

    /// <summary>Whether an administrator disabled the account: it cannot sign in, and its sessions and tokens no longer work.</summary>
    public bool Disabled { get; init; }

    /// <summary>Whether this user may see patients of <paramref name="center"/>.</summary>
    public bool SeesCenter(string center)
    {
        if (Role == UserRole.Admin)
        {
            return true;
        }
        foreach (var c in Centers)
        {
            if (string.Equals(c, center, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether this user may create, edit or import patients (admin, data manager).</summary>
    public bool CanWrite => Role != UserRole.Investigator;

    /// <summary>
    /// Whether this user sees direct identifiers (the full birth date, and any change of it in the audit trail);
    /// investigators see pseudonymized views.
    /// </summary>
    public bool SeesIdentifiers => Role != UserRole.Investigator;
}
