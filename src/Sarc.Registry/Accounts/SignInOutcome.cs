namespace Sarc.Registry.Accounts;

/// <summary>The result of a password check.</summary>
public enum SignInOutcome
{
    /// <summary>The right password of an enabled account that is not locked.</summary>
    Succeeded,

    /// <summary>Unknown e-mail or wrong password: the two are not told apart, so accounts cannot be probed.</summary>
    Failed,

    /// <summary>Too many failures in a row: refused, even with the right password, until the lockout ends.</summary>
    LockedOut,

    /// <summary>The right password of an account an administrator disabled (<c>sarc user disable</c>).</summary>
    Disabled,
}
