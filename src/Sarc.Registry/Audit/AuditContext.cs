namespace Sarc.Registry.Audit;

/// <summary>
/// Who makes a change, the clock that says when, and why: the CLI passes the OS user
/// (<see cref="Environment.UserName"/>), <see cref="TimeProvider.System"/> and the optional <c>--reason</c>; the web
/// app passes the signed-in user and the reason the form requires; tests inject a fixed clock. The
/// <paramref name="Reason"/> is written into every audit record of the change (null: none given).
/// </summary>
public sealed record AuditContext(string User, TimeProvider Clock, string? Reason = null)
{
    /// <summary>The OS user and the system clock, with an optional reason.</summary>
    public static AuditContext ForCurrentUser(string? reason = null) => new(Environment.UserName, TimeProvider.System, reason);
}
