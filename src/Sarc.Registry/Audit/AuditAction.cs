namespace Sarc.Registry.Audit;

/// <summary>What a change did to registry data.</summary>
public enum AuditAction
{
    Insert,
    Update,
    Delete,
}
