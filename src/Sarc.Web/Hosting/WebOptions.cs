using Sarc.Registry.Storage;
using Sarc.Studies.Definitions;
using Sarc.Surveillance.Rules;

namespace Sarc.Web.Hosting;

/// <summary>How <c>sarc serve</c> runs: the registry <c>--db</c> value, the listening URLs and the clock (tests fix it).</summary>
public sealed record WebOptions(string Database, string Urls = "http://localhost:5080")
{
    /// <summary>The clock that gives "today" (due lists, audit times); the system clock unless a test fixes it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Today's date by <see cref="Clock"/> (UTC): the default "as of" of due lists and the "today" of forms.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>The largest template upload (<c>/import</c>, <c>POST /api/import</c>) in bytes; a larger body is refused with 413. <c>sarc serve --max-upload-mb</c>.</summary>
    public long MaxUploadBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>The largest body of any other request (the forms) in bytes; a larger one is refused with 413.</summary>
    public long MaxFormBytes { get; init; } = 1024 * 1024;

    /// <summary>A session ends after this long without a request (each request extends it).</summary>
    public TimeSpan SessionIdle { get; init; } = TimeSpan.FromHours(1);

    /// <summary>A session ends this long after sign-in however active it is; then the user signs in again.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Failed sign-ins for one e-mail within <see cref="LoginWindow"/> after which further tries are refused (429) unchecked; on top of the account lockout.</summary>
    public int LoginFailuresPerAccount { get; init; } = 10;

    /// <summary>Failed sign-ins from one address within <see cref="LoginWindow"/> after which further tries from it are refused (429) unchecked.</summary>
    public int LoginFailuresPerAddress { get; init; } = 100;

    /// <summary>The period the sign-in limits count over.</summary>
    public TimeSpan LoginWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The surveillance rules of the worklist, calendar, record page and API due list: <c>sarc serve --rules FILE</c>, or the built-in rules.</summary>
    public RuleSet Rules { get; init; } = RuleSet.Default;

    /// <summary>The study definitions offered on <c>/studies</c>: the built-in seed studies unless <c>--studies DIR</c> adds a center's own.</summary>
    public StudyCatalog Studies { get; init; } = StudyCatalog.BuiltIn;

    /// <summary>
    /// The server's working folder for study runs (one sub-folder per run; never under a web root): by default
    /// <c>DB.runs</c> next to an SQLite registry, or <c>sarc-runs</c> in the temp folder for PostgreSQL.
    /// </summary>
    public string? RunsDirectory { get; init; }

    /// <summary>
    /// The key of the pseudonymized download (<c>/export/pseudonymized.zip</c>): <c>sarc serve --pseudonym-key-file</c>,
    /// by default <c>DB.pseudonym.key</c> next to an SQLite registry or <c>pseudonym.key</c> in the runs folder for
    /// PostgreSQL; created with a random key on first use.
    /// </summary>
    public string? PseudonymKeyFile { get; init; }

    /// <summary><see cref="PseudonymKeyFile"/> or its default.</summary>
    internal string PseudonymKeyPath => PseudonymKeyFile
        ?? (RegistryStore.IsPostgres(Database) ? Path.Combine(RunsFolder, "pseudonym.key") : Path.GetFullPath(Database) + ".pseudonym.key");

    /// <summary><see cref="RunsDirectory"/> or its default.</summary>
    internal string RunsFolder => RunsDirectory
        ?? (RegistryStore.IsPostgres(Database) ? Path.Combine(Path.GetTempPath(), "sarc-runs") : Path.GetFullPath(Database) + ".runs");
}
