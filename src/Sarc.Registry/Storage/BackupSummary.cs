using Sarc.Registry.Audit;

namespace Sarc.Registry.Storage;

/// <summary>What a backup or restore covered (<see cref="RegistryBackup"/>): the patients, and the audit chain's length and head.</summary>
public sealed record BackupSummary(int Patients, AuditVerification Audit);
