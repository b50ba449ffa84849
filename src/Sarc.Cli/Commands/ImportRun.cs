using Sarc.Registry;

namespace Sarc.Cli.Commands;

/// <summary>
/// What <see cref="ImportOptions.Run"/> gives an import from another format: how to open the registry, the values of
/// <c>--update</c>, <c>--reason</c> and <c>--as-of</c>, the progress line (<c>Terminal</c>, for a stage of the import's
/// own; null when none is drawn) and the import's stages on it (<c>Progress</c>).
/// </summary>
internal sealed record ImportRun(Func<IRegistryStore> OpenStore, bool Update, AuditContext Audit, DateOnly Today, TerminalProgress? Terminal, IProgress<ImportProgress>? Progress);
