using Sarc.Registry.LongFormat;

namespace Sarc.Interop.Redcap;

/// <summary>
/// One instrument of Sarc's REDCap project: one long-format file (entity). <c>patient</c> is the record's one
/// non-repeating instrument; the others repeat (one instance per surgery, course, line, event or contact).
/// </summary>
public sealed record SarcInstrument(string Name, string Label, LongFile File, IReadOnlyList<SarcField> Fields)
{
    /// <summary>False for the patient instrument only.</summary>
    public bool Repeating => File != LongFiles.Patients;
}
