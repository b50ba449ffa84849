namespace Sarc.Registry.Storage;

/// <summary>
/// One numbered schema step, with its SQL for each store and, when SQL cannot do it alone, a step in code run after
/// the SQL in the same transaction (<paramref name="Then"/>). Steps are never edited once released; add a new one.
/// </summary>
internal sealed record Migration(int Version, string Description, string Sqlite, string Postgres, Action<RegistryDatabase, System.Data.Common.DbTransaction>? Then = null);
