using Sarc.Registry.Domain;
using Sarc.Registry.LongFormat;

namespace Sarc.Interop.Redcap;

/// <summary>
/// <c>sarc redcap export</c>: the registry as records of Sarc's REDCap project in REDCap's flat import format — per
/// patient (in patient id order) one row for the <c>patient</c> instrument, then one row per instance of each repeating
/// instrument (<c>redcap_repeat_instrument</c>, <c>redcap_repeat_instance</c> 1, 2, ... in the record's canonical
/// order), choices as their REDCap codes, every instrument marked complete (2).
/// </summary>
public static class RedcapExporter
{
    /// <summary>REDCap's form status "Complete".</summary>
    public const string Complete = "2";

    /// <summary>Writes the header and rows of <paramref name="records"/> to <paramref name="writer"/>.</summary>
    public static void Write(IReadOnlyList<PatientRecord> records, TextWriter writer)
    {
        var columns = SarcRedcapProject.Dictionary.RecordColumns();
        var position = columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        RedcapCsv.WriteLine(writer, columns);
        foreach (var record in records.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            foreach (var instrument in SarcRedcapProject.Instruments)
            {
                var instance = 0;
                foreach (var cells in LongFormatWriter.RowsOf(record, instrument.File))
                {
                    var row = new string[columns.Count];
                    Array.Fill(row, "");
                    row[0] = record.Id;
                    if (instrument.Repeating)
                    {
                        row[1] = instrument.Name;
                        row[2] = (++instance).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }
                    foreach (var field in instrument.Fields)
                    {
                        var cell = cells[instrument.File.IndexOf(field.Column)];
                        row[position[field.FieldName]] = field.Kind is SarcFieldKind.Choice or SarcFieldKind.YesNo ? field.ChoiceOf(cell) : cell;
                    }
                    row[position[instrument.Name + "_complete"]] = Complete;
                    RedcapCsv.WriteLine(writer, row);
                }
            }
        }
    }
}
