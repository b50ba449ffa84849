namespace Sarc.Web.Accounts;

/// <summary>The result of a password check.</summary>
public enum SignInOutcome
{
    Succeeded,

    /// <summary>Unknown e-mail or wrong password: the two are not told apart, so accounts cannot be probed.</summary>
    Failed,

    /// <summary>Too many failures in a row: refused, even with the right password, until the lockout ends.</summary>
    LockedOut,
}
