using Sarc.Registry.LongFormat;

namespace Sarc.Interop.Redcap;

/// <summary>
/// One REDCap instrument mapped onto one long-format file (<see cref="Entity"/>): each instance of a repeating
/// instrument (or the record's row, for a non-repeating one) becomes a row of the file, unless every mapped field is
/// empty. Several instruments may fill <c>patients</c>: their fields make the record's one patient row.
/// </summary>
public sealed record InstrumentMap(string Instrument, LongFile Entity, IReadOnlyList<FieldMap> Fields, int Line);
