namespace Sarc.Registry.Domain;

/// <summary>What an operation was for. Codes <c>primary</c>, <c>re_excision</c>, <c>recurrence_resection</c>, <c>metastasectomy</c>.</summary>
public enum SurgeryKind
{
    /// <summary>The resection of the primary tumor (code <c>primary</c>): exactly one per patient, the time origin of every endpoint.</summary>
    Primary,
    /// <summary>A further excision of the primary site for margins (code <c>re_excision</c>).</summary>
    ReExcision,
    /// <summary>Resection of a local recurrence (code <c>recurrence_resection</c>).</summary>
    RecurrenceResection,
    /// <summary>Resection of metastases (code <c>metastasectomy</c>): the origin of the post-metastasectomy endpoints.</summary>
    Metastasectomy,
}
