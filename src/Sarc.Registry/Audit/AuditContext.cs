namespace Sarc.Registry.Audit;

/// <summary>
/// Who makes a change and the clock that says when: the CLI passes the OS user (<see cref="Environment.UserName"/>)
/// and <see cref="TimeProvider.System"/>; tests inject a fixed clock.
/// </summary>
public sealed record AuditContext(string User, TimeProvider Clock)
{
    /// <summary>The OS user and the system clock.</summary>
    public static AuditContext ForCurrentUser() => new(Environment.UserName, TimeProvider.System);
}
