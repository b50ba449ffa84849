using Sarc.Registry.Codes;

namespace Sarc.Cli.Commands;

/// <summary>The options shared by the registry commands.</summary>
internal static class RegistryOptions
{
    public static Option<string> Db() => new("--db")
    {
        Description = "Registry database: a SQLite file path (sarc import creates it when absent; other commands need it to exist), or PostgreSQL as \"Host=...;Database=...\" or postgres://user@host:port/database.",
        DefaultValueFactory = _ => RegistryStore.DefaultPath,
    };

    public static Option<string> AsOf(string description) => new("--as-of") { Description = description };

    /// <summary>The date of an <c>--as-of</c> option, or null when it was not given.</summary>
    /// <exception cref="DataInputException">Not a date <c>YYYY-MM-DD</c>.</exception>
    public static DateOnly? AsOfValue(ParseResult parse, Option<string> option) => parse.GetValue(option) is not { } text
        ? null
        : CellText.TryDate(text.Trim(), out var date) ? date : throw new DataInputException($"--as-of: '{text}' is not a date; expected YYYY-MM-DD");

    /// <summary><c>--reason</c>: why a change is made, kept in its audit records.</summary>
    public static Option<string?> Reason(string description) => new("--reason") { Description = description };

    /// <summary><c>--center</c>: the center a command is limited to, as <paramref name="description"/> says.</summary>
    public static Option<string?> Center(string description) => new("--center") { Description = description };

    /// <summary>The audit context of a change made now by the current user, with the <see cref="Reason"/> given (on one line).</summary>
    public static AuditContext Audit(ParseResult parse, Option<string?> reason) =>
        AuditContext.ForCurrentUser(CommonOptions.OneLine(parse.GetValue(reason)));
}
