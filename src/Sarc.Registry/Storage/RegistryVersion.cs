using System.Data.Common;

namespace Sarc.Registry.Storage;

/// <summary>
/// The registry's data version (<c>registry_version</c>, migration 7): a count that every transaction changing patient
/// data raises by one just before it commits. The row stays locked until that commit, so on PostgreSQL as on SQLite
/// (whose writers take turns anyway) the values follow commit order: a reader that sees version v sees every change
/// numbered v or lower. Audit ids cannot serve: PostgreSQL hands out identity values when rows are inserted, so a
/// transaction can commit a lower id after another committed a higher one (issue 17: a cache keyed by the highest
/// audit id missed such a change for good).
/// </summary>
internal static class RegistryVersion
{
    /// <summary>Raises the version inside <paramref name="tx"/>; call last before committing a change of patient data.</summary>
    public static void Advance(RegistryDatabase db, DbTransaction tx) => db.Execute(tx, "UPDATE registry_version SET version = version + 1");

    /// <summary>The committed version.</summary>
    public static long Read(RegistryDatabase db) => db.Scalar(null, "SELECT version FROM registry_version");
}
