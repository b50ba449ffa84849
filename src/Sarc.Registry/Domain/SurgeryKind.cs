namespace Sarc.Registry.Domain;

/// <summary>What an operation was for. Codes <c>primary</c>, <c>re_excision</c>, <c>recurrence_resection</c>, <c>metastasectomy</c>.</summary>
public enum SurgeryKind
{
    Primary,
    ReExcision,
    RecurrenceResection,
    Metastasectomy,
}
