namespace Sarc.Registry.Audit;

/// <summary>What a change did to registry data: <see cref="Migrate"/> is an upgrade of the schema in place (entity <c>schema</c>, no patient).</summary>
public enum AuditAction
{
    /// <summary>A row was added (no old value).</summary>
    Insert,
    /// <summary>A field changed (old and new value).</summary>
    Update,
    /// <summary>A row was removed (no new value).</summary>
    Delete,
    /// <summary>The schema was upgraded in place (entity <c>schema</c>, no patient).</summary>
    Migrate,
}
