using System.CommandLine;
using Sarc.Registry.Storage;

namespace Sarc.Cli.Commands;

/// <summary>The <c>--db</c> option shared by the registry commands.</summary>
internal static class RegistryOptions
{
    public static Option<string> Db() => new("--db")
    {
        Description = "Registry database: a SQLite file path (sarc import creates it when absent; other commands need it to exist), or PostgreSQL as \"Host=...;Database=...\" or postgres://user@host:port/database.",
        DefaultValueFactory = _ => RegistryStore.DefaultPath,
    };
}
