namespace Sarc.Registry.Storage;

/// <summary>One numbered schema step, with its SQL for each store. Steps are never edited once released; add a new one.</summary>
internal sealed record Migration(int Version, string Description, string Sqlite, string Postgres);
