using Sarc.Registry.Audit;

namespace Sarc.Registry.Storage;

/// <summary>One audit record to write for a change: see <see cref="AuditEntry"/> for the meaning of each part.</summary>
internal readonly record struct AuditChange(AuditAction Action, string Entity, string? Field, string? Item, string? OldValue, string? NewValue);
