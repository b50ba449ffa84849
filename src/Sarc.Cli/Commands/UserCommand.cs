using System.CommandLine;
using Sarc.Web.Accounts;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc user add|token</c>: accounts of the web app, kept in the registry database (the first admin comes from here).</summary>
internal static class UserCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("user", "Manage web accounts: add a user, issue an API token.");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(Token(context));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var db = RegistryOptions.Db();
        var email = new Option<string>("--email") { Description = "The login name.", Required = true };
        var role = new Option<string>("--role") { Description = "admin | data_manager | investigator.", Required = true };
        var centers = new Option<string[]>("--center") { Description = "A center whose patients the user sees (repeat for several; not needed for admin).", AllowMultipleArgumentsPerToken = false };
        var command = new Command("add", "Create an account; prints a generated password once, or takes it from SARC_PASSWORD.") { db, email, role, centers };
        command.SetAction(parse =>
        {
            var users = UserStore.Open(parse.GetValue(db)!);
            var given = Environment.GetEnvironmentVariable("SARC_PASSWORD");
            var password = string.IsNullOrEmpty(given) ? UserStore.GeneratePassword() : given;
            var user = users.AddUser(parse.GetValue(email)!, UserRoles.Parse(parse.GetValue(role)!), parse.GetValue(centers) ?? [], password);
            var where = user.Role == UserRole.Admin ? "all centers" : string.Join(", ", user.Centers);
            context.Output.WriteLine($"added {user.Email} ({UserRoles.Code(user.Role)}, {where})");
            if (string.IsNullOrEmpty(given))
            {
                context.Output.WriteLine($"password: {password}");
            }
            return SarcApp.Success;
        });
        return command;
    }

    private static Command Token(CliContext context)
    {
        var db = RegistryOptions.Db();
        var email = new Option<string>("--email") { Description = "The user the token acts as.", Required = true };
        var command = new Command("token", "Print a new personal API token (sent as 'Authorization: Bearer TOKEN'); only its hash is stored.") { db, email };
        command.SetAction(parse =>
        {
            context.Output.WriteLine(UserStore.Open(parse.GetValue(db)!).CreateToken(parse.GetValue(email)!));
            return SarcApp.Success;
        });
        return command;
    }
}
