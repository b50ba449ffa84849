using Sarc.Registry.Domain;
using Sarc.Registry.LongFormat;

namespace Sarc.Web.Pages;

/// <summary>
/// One list of a patient's entries as the record and the forms show it: the long-format file it is (whose name is the
/// URL segment, <c>/patients/{id}/surgeries/...</c>), its words, and its form's fields in the file's column order.
/// Entries are numbered from 1 in the record's canonical order (<see cref="PatientRecord"/>).
/// </summary>
public sealed class EntryList
{
    internal EntryList(LongFile file, string title, string plural, IReadOnlyList<FormField> fields)
    {
        File = file;
        Title = title;
        Plural = plural;
        Fields = fields;
    }

    /// <summary>The long-format file (<c>surgeries</c>, <c>radiotherapy</c>, <c>systemic</c>, <c>events</c>, <c>followup</c>).</summary>
    public LongFile File { get; }

    /// <summary>The URL segment: the file's name.</summary>
    public string Slug => File.Name;

    /// <summary>One entry, lower case: "surgery", "radiotherapy course".</summary>
    public string Title { get; }

    /// <summary>The list's heading: "Surgeries".</summary>
    public string Plural { get; }

    /// <summary>The form's fields: every column of the file after <c>patient_id</c>.</summary>
    public IReadOnlyList<FormField> Fields { get; }

    /// <summary>How many entries <paramref name="record"/> has in this list.</summary>
    public int Count(PatientRecord record) => File.Name switch
    {
        "surgeries" => record.Surgeries.Count,
        "radiotherapy" => record.Radiotherapy.Count,
        "systemic" => record.Systemic.Count,
        "events" => record.Events.Count,
        _ => record.FollowUps.Count,
    };

    /// <summary>The long-format row of entry <paramref name="number"/> (from 1) of <paramref name="record"/>, <c>patient_id</c> first, or null when there is no such entry.</summary>
    public string[]? Row(PatientRecord record, int number) =>
        number >= 1 && number <= Count(record) ? LongFormatWriter.RowsOf(record, File).ElementAt(number - 1) : null;

    /// <summary>The form's values of entry <paramref name="number"/> (from 1) by column, or null when there is no such entry.</summary>
    public Dictionary<string, string>? Values(PatientRecord record, int number) =>
        Row(record, number) is { } row ? Fields.Select((f, i) => (f.Column, Value: row[i + 1])).ToDictionary(p => p.Column, p => p.Value, StringComparer.Ordinal) : null;

    /// <summary>
    /// The entries of <paramref name="record"/> in this list as the timeline shows them: number (from 1), the date it
    /// sorts by (the first date column filled: a surgery's or event's date, a course's or line's start, else its end;
    /// null when none is), and every other filled field as "label value", codes by their labels.
    /// </summary>
    public IEnumerable<(int Number, DateOnly? Date, string Details)> Entries(PatientRecord record)
    {
        var number = 0;
        foreach (var row in LongFormatWriter.RowsOf(record, File))
        {
            number++;
            DateOnly? date = null;
            var details = new List<string>();
            for (var i = 0; i < Fields.Count; i++)
            {
                var (field, value) = (Fields[i], row[i + 1]);
                if (value.Length == 0)
                {
                    continue;
                }
                if (field.Input == FieldInput.Date && date is null && Sarc.Registry.Codes.CellText.TryDate(value, out var on))
                {
                    date = on;
                    continue;
                }
                details.Add(field.Input == FieldInput.Choice ? $"{field.Label}: {Label(field, value)}" : $"{field.Label}: {value}");
            }
            yield return (number, date, string.Join("; ", details));
        }
    }

    private static string Label(FormField field, string code)
    {
        foreach (var (c, label) in field.Choices)
        {
            if (c == code)
            {
                return label;
            }
        }
        return code;
    }

    /// <summary>The list's <see cref="Slug"/>.</summary>
    public override string ToString() => Slug;
}
