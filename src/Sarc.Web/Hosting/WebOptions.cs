using Sarc.Registry.Storage;
using Sarc.Studies.Definitions;
using Sarc.Surveillance.Rules;

namespace Sarc.Web.Hosting;

/// <summary>How <c>sarc serve</c> runs: the registry <c>--db</c> value, the listening URLs and the clock (tests fix it).</summary>
public sealed record WebOptions(string Database, string Urls = "http://localhost:5080")
{
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The surveillance rules of the worklist, calendar, record page and API due list: <c>sarc serve --rules FILE</c>, or the built-in rules.</summary>
    public RuleSet Rules { get; init; } = RuleSet.Default;

    /// <summary>The study definitions offered on <c>/studies</c>: the built-in seed studies unless <c>--studies DIR</c> adds a center's own.</summary>
    public StudyCatalog Studies { get; init; } = StudyCatalog.BuiltIn;

    /// <summary>
    /// The server's working folder for study runs (one sub-folder per run; never under a web root): by default
    /// <c>DB.runs</c> next to an SQLite registry, or <c>sarc-runs</c> in the temp folder for PostgreSQL.
    /// </summary>
    public string? RunsDirectory { get; init; }

    /// <summary><see cref="RunsDirectory"/> or its default.</summary>
    internal string RunsFolder => RunsDirectory
        ?? (RegistryStore.IsPostgres(Database) ? Path.Combine(Path.GetTempPath(), "sarc-runs") : Path.GetFullPath(Database) + ".runs");
}
