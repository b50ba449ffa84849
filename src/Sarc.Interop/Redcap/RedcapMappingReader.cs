using System.Globalization;
using Sarc.Data;
using Sarc.Registry.LongFormat;
using Sarc.Data.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sarc.Interop.Redcap;

/// <summary>
/// Reads a mapping YAML (docs/redcap.md) and checks it against the center's data dictionary, so that a mistake in the
/// mapping is one line naming the mapping file and line before any record is read:
/// <code>
/// record_id: study_id
/// instruments:
///   - instrument: recurrence
///     entity: events
///     fields:
///       date: rec_date
///       kind: { field: rec_type, codes: { 1: local_recurrence, 2: distant_metastasis } }
///       site: { field: mets_site, codes: { 1: lung, 2: liver } }   # a checkbox: mets_site___1, mets_site___2
/// </code>
/// </summary>
public static class RedcapMappingReader
{
    /// <summary>The date formats a mapping may name (REDCap's date validations).</summary>
    public static IReadOnlyList<string> DateFormats { get; } = ["date_ymd", "date_dmy", "date_mdy"];

    /// <summary>Reads the mapping file <paramref name="path"/>.</summary>
    /// <exception cref="DataInputException">The file cannot be read, is not YAML, or names something the dictionary or the long format does not have.</exception>
    public static RedcapMapping Read(string path, RedcapDictionary dictionary) =>
        Parse(InputFiles.ReadText(path, "--mapping"), path, dictionary);

    /// <summary>Reads a mapping from YAML text; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="DataInputException">As <see cref="Read"/>.</exception>
    public static RedcapMapping Parse(string text, string source, RedcapDictionary dictionary)
    {
        var root = SafeYaml.LoadMapping(text, source, "expected a mapping with 'instruments:' (see docs/redcap.md)");
        DataInputException Error(YamlNode node, string problem) => new($"{source}:line {node.Start.Line}: {problem}");
        string? recordId = null;
        var instruments = new List<InstrumentMap>();
        foreach (var (key, value) in root.Children)
        {
            switch (Scalar(key, Error))
            {
                case "record_id":
                    recordId = Scalar(value, Error);
                    if (dictionary.Field(recordId) is null)
                    {
                        throw Error(value, $"record_id: field '{recordId}' is not in the data dictionary");
                    }
                    break;
                case "instruments":
                    if (value is not YamlSequenceNode list)
                    {
                        throw Error(value, "instruments: expected a list of instruments (- instrument: NAME)");
                    }
                    instruments.AddRange(list.Children.Select(item => Instrument(item, dictionary, Error)));
                    break;
                default:
                    throw Error(key, $"unknown key '{Scalar(key, Error)}'; expected record_id or instruments");
            }
        }
        if (instruments.Count == 0)
        {
            throw new DataInputException($"{source}: the mapping maps no instrument (instruments: is missing or empty)");
        }
        var patients = instruments.Where(i => i.Entity == LongFiles.Patients).ToList();
        if (patients.Count == 0)
        {
            throw new DataInputException($"{source}: no instrument is mapped to entity patients");
        }
        CheckRequired(LongFiles.Patients, patients.SelectMany(i => i.Fields), source, patients[0].Line);
        return new RedcapMapping(source, recordId, instruments);
    }

    private static InstrumentMap Instrument(YamlNode node, RedcapDictionary dictionary, Func<YamlNode, string, DataInputException> error)
    {
        if (node is not YamlMappingNode map)
        {
            throw error(node, "an instrument needs instrument:, entity: and fields:");
        }
        string? name = null;
        LongFile? entity = null;
        YamlMappingNode? fields = null;
        foreach (var (key, value) in map.Children)
        {
            switch (Scalar(key, error))
            {
                case "instrument":
                    name = Scalar(value, error);
                    if (!dictionary.Forms.Contains(name))
                    {
                        throw error(value, $"instrument '{name}' is not in the data dictionary (its instruments: {string.Join(", ", dictionary.Forms)})");
                    }
                    break;
                case "entity":
                    var entityName = Scalar(value, error);
                    entity = LongFiles.Named(entityName) ?? throw error(value, $"entity '{entityName}' is not one of {string.Join(", ", LongFiles.All.Select(f => f.Name))}");
                    break;
                case "fields":
                    fields = value as YamlMappingNode ?? throw error(value, "fields: expected Sarc column: REDCap field pairs");
                    break;
                default:
                    throw error(key, $"unknown key '{Scalar(key, error)}'; expected instrument, entity or fields");
            }
        }
        if (name is null || entity is null || fields is null)
        {
            throw error(node, "an instrument needs instrument:, entity: and fields:");
        }
        var maps = fields.Children.Select(p => Field(p.Key, p.Value, name, entity, dictionary, error)).ToList();
        if (entity != LongFiles.Patients)
        {
            CheckRequired(entity, maps, null, (int)node.Start.Line, error, node);
        }
        return new InstrumentMap(name, entity, maps, (int)node.Start.Line);
    }

    private static FieldMap Field(YamlNode key, YamlNode value, string instrument, LongFile entity, RedcapDictionary dictionary, Func<YamlNode, string, DataInputException> error)
    {
        var column = Scalar(key, error);
        if (column == "patient_id" || !entity.Columns.Contains(column))
        {
            throw error(key, $"'{column}' is not a column of {entity.Name} ({string.Join(", ", entity.Columns.Skip(1))}; patient_id is the record id)");
        }
        var sarc = SarcRedcapProject.FieldOf(entity, column)!;
        string? field = null;
        string? constant = null;
        string? format = null;
        Dictionary<string, string>? codes = null;
        YamlNode? codesNode = null;
        if (value is YamlScalarNode)
        {
            field = Scalar(value, error);
        }
        else if (value is YamlMappingNode map)
        {
            foreach (var (k, v) in map.Children)
            {
                switch (Scalar(k, error))
                {
                    case "field":
                        field = Scalar(v, error);
                        break;
                    case "value":
                        constant = Scalar(v, error);
                        break;
                    case "format":
                        format = Scalar(v, error);
                        if (!DateFormats.Contains(format) || sarc.Kind != SarcFieldKind.Date)
                        {
                            throw error(v, sarc.Kind != SarcFieldKind.Date
                                ? $"{column}: format: only a date column takes a format"
                                : $"{column}: format '{format}' is not one of {string.Join(", ", DateFormats)}");
                        }
                        break;
                    case "codes":
                        codesNode = v;
                        codes = Codes(v, column, sarc, error);
                        break;
                    default:
                        throw error(k, $"{column}: unknown key '{Scalar(k, error)}'; expected field, value, codes or format");
                }
            }
        }
        else
        {
            throw error(value, $"{column}: expected a REDCap field name or {{ field: ..., codes: ... }}");
        }
        if ((field is null) == (constant is null))
        {
            throw error(value, $"{column}: give either field: or value:");
        }
        if (constant is not null)
        {
            if (sarc.Codes.Count > 0 && !sarc.Codes.Contains(constant))
            {
                throw error(value, $"{column}: value '{constant}' is not one of {string.Join(" | ", sarc.Codes)}");
            }
            return new FieldMap(column, null, constant, null, null, (int)key.Start.Line);
        }
        var redcap = dictionary.Field(field!) ?? throw error(value, $"{column}: field '{field}' is not in the data dictionary");
        if (redcap.Form != instrument)
        {
            throw error(value, $"{column}: field '{field}' is on instrument '{redcap.Form}', not '{instrument}'");
        }
        var choices = redcap.ChoiceList;
        if (codes is not null && choices.Count > 0)
        {
            foreach (var code in codes.Keys.Where(c => !choices.Any(ch => ch.Code == c)))
            {
                throw error(codesNode!, $"{column}: code {code} is not a choice of field '{field}' ({string.Join(", ", choices.Select(c => c.Code))})");
            }
        }
        if (codes is null && sarc.Codes.Count > 0 && choices.Count > 0)
        {
            if (redcap.Type is "yesno" or "truefalse" && sarc.Kind == SarcFieldKind.YesNo)
            {
                codes = new Dictionary<string, string> { ["1"] = "yes", ["0"] = "no" };
            }
            else if (choices.Any(c => !sarc.Codes.Contains(c.Code)))
            {
                throw error(value, $"{column}: field '{field}' has choices {string.Join(", ", choices.Select(c => c.Code))}; give codes: mapping them to {string.Join(" | ", sarc.Codes)}");
            }
        }
        if (redcap.IsCheckbox && choices.Count == 0)
        {
            throw error(value, $"{column}: checkbox field '{field}' lists no choices in the data dictionary");
        }
        return new FieldMap(column, field, null, codes, format, (int)key.Start.Line);
    }

    private static Dictionary<string, string> Codes(YamlNode node, string column, SarcField sarc, Func<YamlNode, string, DataInputException> error)
    {
        if (node is not YamlMappingNode map)
        {
            throw error(node, $"{column}: codes: expected REDCap code: Sarc code pairs");
        }
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var from = Scalar(k, error);
            var to = Scalar(v, error);
            if (sarc.Codes.Count > 0 && !sarc.Codes.Contains(to))
            {
                throw error(v, $"{column}: '{to}' is not one of {string.Join(" | ", sarc.Codes)}");
            }
            if (!codes.TryAdd(from, to))
            {
                throw error(k, $"{column}: code {from} is mapped twice");
            }
        }
        return codes;
    }

    private static void CheckRequired(LongFile entity, IEnumerable<FieldMap> maps, string? source, int line,
        Func<YamlNode, string, DataInputException>? error = null, YamlNode? node = null)
    {
        var mapped = maps.Select(m => m.Column).ToHashSet(StringComparer.Ordinal);
        for (var i = 1; i < entity.Columns.Count; i++)
        {
            if (entity.Required[i] && !mapped.Contains(entity.Columns[i]))
            {
                var problem = $"entity {entity.Name} needs column {entity.Columns[i]} mapped (its required columns: {string.Join(", ", entity.Columns.Where((_, j) => j > 0 && entity.Required[j]))})";
                throw error is not null && node is not null ? error(node, problem) : new DataInputException($"{source}:line {line}: {problem}");
            }
        }
    }

    private static string Scalar(YamlNode node, Func<YamlNode, string, DataInputException> error) =>
        node is YamlScalarNode { Value: { } text } ? text.Trim() : throw error(node, "expected a single value here");

    /// <summary>Parses <paramref name="text"/> as a date written in REDCap format <paramref name="format"/>; ISO <c>YYYY-MM-DD</c> (what REDCap's exports and API write for every date format) is always read.</summary>
    public static bool TryDate(string text, string format, out DateOnly date)
    {
        var day = text.Split(' ', 2)[0];
        string[] patterns = format switch
        {
            "date_dmy" => ["dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "d.M.yyyy"],
            "date_mdy" => ["MM-dd-yyyy", "M-d-yyyy", "MM/dd/yyyy", "M/d/yyyy"],
            _ => [],
        };
        return DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            || DateOnly.TryParseExact(day, patterns, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
