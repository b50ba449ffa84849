namespace Sarc.Interop.Redcap;

/// <summary>
/// A REDCap project mapped onto Sarc's long format: the record id field (the patient id) and the instruments.
/// <see cref="Source"/> names the mapping in messages (its file, or Sarc's own project). Read by
/// <see cref="RedcapMappingReader"/>; docs/redcap.md documents the YAML.
/// </summary>
public sealed record RedcapMapping(string Source, string? RecordId, IReadOnlyList<InstrumentMap> Instruments);
