namespace Sarc.Registry.Audit;

/// <summary>What a change did to registry data: <see cref="Migrate"/> is an upgrade of the schema in place (entity <c>schema</c>, no patient).</summary>
public enum AuditAction
{
    Insert,
    Update,
    Delete,
    Migrate,
}
