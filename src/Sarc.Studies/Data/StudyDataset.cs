using Sarc.Registry.Domain;
using Sarc.Registry.Endpoints;

namespace Sarc.Studies.Data;

/// <summary>
/// The per-patient analysis dataset of a study, built from the registry's records alone by the registry's endpoint
/// engine (<see cref="EndpointEngine.Dataset"/>): the same derivation as <c>sarc endpoints</c>, so a study and the CLI
/// give the same events. Its columns are exactly those of <see cref="StudyFields"/>; docs/studies.md lists them.
/// </summary>
public static class StudyDataset
{
    /// <summary>The analysis dataset of <paramref name="records"/>, one row per patient in their order; <paramref name="source"/> names it in messages.</summary>
    public static DataFrame Build(IReadOnlyList<PatientRecord> records, string source) => EndpointEngine.Dataset(records, source);
}
