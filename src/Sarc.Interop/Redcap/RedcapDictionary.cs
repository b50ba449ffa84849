using Sarc.Data;

namespace Sarc.Interop.Redcap;

/// <summary>
/// A REDCap data dictionary: every field of a project in order, the record id first. Read from the CSV that REDCap's
/// "Dictionary" page downloads (18 columns with the headers of <see cref="Columns"/>) or that its API returns for
/// <c>content=metadata</c> (the same columns under the names of <see cref="ApiColumns"/>).
/// </summary>
public sealed class RedcapDictionary
{
    /// <summary>REDCap's 18 data-dictionary headers, in order, as its download writes them.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
        "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
        "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
        "Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name", "Matrix Ranking?",
        "Field Annotation",
    ];

    /// <summary>The same 18 columns as REDCap's API names them (<c>content=metadata</c>).</summary>
    public static IReadOnlyList<string> ApiColumns { get; } =
    [
        "field_name", "form_name", "section_header", "field_type", "field_label", "select_choices_or_calculations",
        "field_note", "text_validation_type_or_show_slider_number", "text_validation_min", "text_validation_max",
        "identifier", "branching_logic", "required_field", "custom_alignment", "question_number", "matrix_group_name",
        "matrix_ranking", "field_annotation",
    ];

    private readonly Dictionary<string, RedcapField> byName;

    /// <summary>A dictionary of <paramref name="fields"/> in order; the first is the record id. Field names are case-sensitive and a later duplicate is refused.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fields"/> is empty.</exception>
    /// <exception cref="ArgumentException">Two fields have the same name.</exception>
    public RedcapDictionary(IReadOnlyList<RedcapField> fields)
    {
        ArgumentOutOfRangeException.ThrowIfZero(fields.Count, nameof(fields));
        Fields = fields;
        byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        Forms = [.. fields.Select(f => f.Form).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Every field in dictionary order; the first is the record id.</summary>
    public IReadOnlyList<RedcapField> Fields { get; }

    /// <summary>The record id field (the first).</summary>
    public RedcapField RecordId => Fields[0];

    /// <summary>The instruments (forms) in the order they first appear.</summary>
    public IReadOnlyList<string> Forms { get; }

    /// <summary>The field named <paramref name="name"/>, or null.</summary>
    public RedcapField? Field(string name) => byName.GetValueOrDefault(name);

    /// <summary>
    /// The columns of this project's flat record export, as REDCap writes them: the record id, then
    /// <c>redcap_repeat_instrument</c> and <c>redcap_repeat_instance</c>, then every field in order (a checkbox as one
    /// <c>name___code</c> column per choice; no <c>descriptive</c> field), each instrument followed by its
    /// <c>FORM_complete</c> status.
    /// </summary>
    public IReadOnlyList<string> RecordColumns()
    {
        var columns = new List<string> { RecordId.Name, "redcap_repeat_instrument", "redcap_repeat_instance" };
        foreach (var form in Forms)
        {
            foreach (var field in Fields)
            {
                if (field.Form != form || field == RecordId || field.Type == "descriptive")
                {
                    continue;
                }
                if (field.IsCheckbox)
                {
                    columns.AddRange(field.ChoiceList.Select(c => CheckboxColumn(field.Name, c.Code)));
                }
                else
                {
                    columns.Add(field.Name);
                }
            }
            columns.Add(form + "_complete");
        }
        return columns;
    }

    /// <summary>The export column of one checkbox choice: <c>mets_site___1</c> (a code's <c>-</c> becomes <c>_</c>, letters lower case).</summary>
    public static string CheckboxColumn(string field, string code) => $"{field}___{code.Replace('-', '_').ToLowerInvariant()}";

    /// <summary>Writes the dictionary as REDCap's download does (the 18 headers, then one row per field).</summary>
    public void Write(TextWriter writer)
    {
        RedcapCsv.WriteLine(writer, Columns);
        foreach (var field in Fields)
        {
            RedcapCsv.WriteLine(writer, field.Cells());
        }
    }

    /// <summary>The dictionary as CSV text.</summary>
    public override string ToString()
    {
        var writer = new StringWriter();
        Write(writer);
        return writer.ToString();
    }

    /// <summary>Reads a data dictionary from CSV text (REDCap's download or its API's metadata).</summary>
    /// <exception cref="DataInputException">Not REDCap's format: another header, a row without a field name or form, a field named twice, no fields.</exception>
    public static RedcapDictionary Parse(string text, string source)
    {
        var table = RedcapCsv.Read(text, source);
        var header = table.Header.Select(h => h.Trim()).ToArray();
        if (!header.SequenceEqual(Columns) && !header.SequenceEqual(ApiColumns))
        {
            var first = Enumerable.Range(0, Math.Max(header.Length, Columns.Count))
                .First(i => i >= header.Length || i >= Columns.Count || (header[i] != Columns[i] && header[i] != ApiColumns[i]));
            var found = first < header.Length ? $"'{header[first]}'" : "nothing";
            var expected = first < Columns.Count ? $"'{Columns[first]}'" : "no further column";
            throw new DataInputException($"{source}:line 1: not a REDCap data dictionary: column {first + 1} is {found}, expected {expected} (REDCap's 18 dictionary columns)");
        }
        var fields = new List<RedcapField>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            string C(int i) => table.Cell(r, i);
            var name = C(0);
            if (name.Length == 0 || C(1).Length == 0 || C(3).Length == 0)
            {
                throw new DataInputException($"{source}:line {table.Lines[r]}: a field needs a name, a form name and a field type");
            }
            if (!seen.Add(name))
            {
                throw new DataInputException($"{source}:line {table.Lines[r]}: field '{name}' is defined twice");
            }
            fields.Add(new RedcapField(name, C(1), C(3), C(4), C(5), C(6), C(7), C(8), C(9), C(10), C(11), C(12), C(17),
                C(2), C(13), C(14), C(15), C(16)));
        }
        if (fields.Count == 0)
        {
            throw new DataInputException($"{source}: the data dictionary defines no field");
        }
        return new RedcapDictionary(fields);
    }

    /// <summary>Reads the data dictionary file <paramref name="path"/>.</summary>
    /// <exception cref="DataInputException">The file cannot be read or is not REDCap's format.</exception>
    public static RedcapDictionary Read(string path) => Parse(InputFiles.ReadText(path, "--dictionary"), path);
}
