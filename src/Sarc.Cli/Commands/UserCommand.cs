using Sarc.Registry.Accounts;
using Sarc.Web.Accounts;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc user add|disable|enable|token [revoke]</c>: accounts of the web app, kept in the registry database (the first
/// admin comes from here). Disabling an account or revoking a token takes effect at the next request of a running
/// <c>sarc serve</c>: its signed-in sessions end and its tokens are refused.
/// </summary>
internal static class UserCommand
{
    public static Command Create(CliContext context) =>
        new("user", "Manage web accounts: add, disable or enable a user; issue or revoke API tokens.")
        {
            Add(context),
            Disable(context, disabled: true),
            Disable(context, disabled: false),
            Token(context),
        };

    private static Command Add(CliContext context)
    {
        var email = new Option<string>("--email") { Description = "The login name.", Required = true };
        var role = new Option<string>("--role") { Description = "admin | data_manager | investigator.", Required = true };
        var centers = new Option<string[]>("--center") { Description = "A center whose patients the user sees (repeat for several; not needed for admin).", AllowMultipleArgumentsPerToken = false };
        var create = new Option<bool>("--create") { Description = "Create a new, empty SQLite registry when --db names no file (otherwise a missing file is an error)." };
        return CliCommand.OnRegistry("add", "Create an account; prints a generated password once, or takes it from SARC_PASSWORD.", [email, role, centers, create], (parse, path) =>
        {
            var userRole = UserRoles.Parse(parse.GetValue(role)!);
            if (!parse.GetValue(create) && !RegistryStore.IsPostgres(path) && !File.Exists(path))
            {
                // A mistyped --db would otherwise start a new registry holding nothing but this account.
                throw new DataInputException($"database '{path}' does not exist (check --db, or add --create to start a new registry there)");
            }
            var isNew = !RegistryStore.IsPostgres(path) && !File.Exists(path);
            RegistryStore.Open(path).Dispose();
            var given = Environment.GetEnvironmentVariable("SARC_PASSWORD");
            var password = string.IsNullOrEmpty(given) ? UserStore.GeneratePassword() : given;
            WebUser user;
            try
            {
                user = UserStore.Open(path, IdentityPasswordHashing.Instance).AddUser(parse.GetValue(email)!, userRole, parse.GetValue(centers) ?? [], password);
            }
            catch when (isNew)
            {
                // Nothing half-written: a registry created for an account that could not be added goes again.
                foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(file);
                }
                throw;
            }
            context.Output.WriteLine($"added {user.Email} ({UserRoles.Code(user.Role)}, {Where(user)})");
            if (string.IsNullOrEmpty(given))
            {
                context.Output.WriteLine($"password: {password}");
            }
            return SarcApp.Success;
        });
    }

    private static Command Disable(CliContext context, bool disabled)
    {
        var email = new Option<string>("--email") { Description = "The account.", Required = true };
        var (name, description) = disabled
            ? ("disable", "Stop an account: it cannot sign in, its sessions end at their next request, its API tokens are refused.")
            : ("enable", "Let a disabled account sign in again (its revoked tokens stay revoked; a lockout is cleared).");
        return CliCommand.OnRegistry(name, description, [email], (parse, db) =>
        {
            var user = UserStore.Open(db, IdentityPasswordHashing.Instance).SetDisabled(parse.GetValue(email)!, disabled);
            context.Output.WriteLine($"{(disabled ? "disabled" : "enabled")} {user.Email} ({UserRoles.Code(user.Role)}, {Where(user)})");
            return SarcApp.Success;
        });
    }

    private static Command Token(CliContext context)
    {
        var email = new Option<string>("--email") { Description = "The user the token acts as.", Required = true };
        return CliCommand.OnRegistry("token", "Print a new personal API token (sent as 'Authorization: Bearer TOKEN'); only its hash is stored.", [email, Revoke(context)], (parse, db) =>
        {
            context.Output.WriteLine(UserStore.Open(db, IdentityPasswordHashing.Instance).CreateToken(parse.GetValue(email)!));
            return SarcApp.Success;
        });
    }

    private static Command Revoke(CliContext context)
    {
        var email = new Option<string?>("--email") { Description = "Revoke every token of this user." };
        var token = new Option<string?>("--token") { Description = "Revoke this one token (as it was printed)." };
        return CliCommand.OnRegistry("revoke", "Revoke API tokens: all of one user (--email) or one token (--token); refused from the next request on.", [email, token], (parse, db) =>
        {
            var (who, one) = (parse.GetValue(email), parse.GetValue(token));
            if ((who is null) == (one is null))
            {
                throw new DataInputException("give either --email (every token of that user) or --token (that token)");
            }
            var users = UserStore.Open(db, IdentityPasswordHashing.Instance);
            if (who is not null)
            {
                var count = users.RevokeTokens(who);
                context.Output.WriteLine($"revoked {count} token{(count == 1 ? "" : "s")} of {who.Trim().ToLowerInvariant()}");
            }
            else
            {
                var owner = users.RevokeToken(one!) ?? throw new DataInputException("no such token (it may have been revoked already)");
                context.Output.WriteLine($"revoked a token of {owner}");
            }
            return SarcApp.Success;
        });
    }

    private static string Where(WebUser user) => user.Role == UserRole.Admin ? "all centers" : string.Join(", ", user.Centers);
}
