using Sarc.Studies.Data;
using Sarc.Studies.Kinds;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sarc.Studies.Definitions;

/// <summary>
/// Reads a study definition (YAML) and checks it against the study vocabulary (<see cref="StudyFields"/>,
/// <see cref="AnalysisKindCatalog"/>). Every mistake is collected with its line and column; nothing throws for a user's
/// mistake, so <c>sarc study validate</c> can list them all.
/// </summary>
public static class StudyParser
{
    private static readonly string[] TopLevelKeys = ["id", "title", "description", "cohort", "derive", "analyses", "paper"];
    private static readonly string[] Operators = [">=", "<=", "==", "!=", ">", "<"];

    /// <summary>Reads and checks the file at <paramref name="path"/>; a file that cannot be read is one error at line 1.</summary>
    public static StudyParseResult ParseFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new StudyParseResult(null, [new DefinitionError(path, 1, 1, $"cannot read the file: {e.Message}")]);
        }
        return Parse(text, path);
    }

    /// <summary>Reads and checks definition <paramref name="text"/>; <paramref name="source"/> names it in errors.</summary>
    public static StudyParseResult Parse(string text, string source)
    {
        var errors = new List<DefinitionError>();
        void Error(YamlNode? node, string message) =>
            errors.Add(new DefinitionError(source, node is null ? 1 : (int)node.Start.Line, node is null ? 1 : (int)node.Start.Column, message));

        YamlStream stream;
        try
        {
            stream = Sarc.Data.Yaml.SafeYaml.Load(text);
        }
        catch (YamlException e)
        {
            errors.Add(new DefinitionError(source, (int)e.Start.Line, (int)e.Start.Column, "not valid YAML: " + (e.InnerException?.Message ?? e.Message)));
            return new StudyParseResult(null, errors);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, "a study definition is a mapping with id, title, cohort and analyses");
            return new StudyParseResult(null, errors);
        }

        foreach (var (key, _) in root.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!TopLevelKeys.Contains(name))
            {
                Error(key, $"unknown field '{name}' (expected one of {string.Join(", ", TopLevelKeys)})");
            }
        }
        var id = RequiredScalar(root, "id", Error);
        if (id is not null && !IsFileNamePart(id))
        {
            Error(Child(root, "id"), $"id '{id}' must be letters, digits, '-', '_' or '.' (not starting with '.'): it names the report's files");
        }
        var title = RequiredScalar(root, "title", Error);
        var description = Child(root, "description") is YamlScalarNode d ? d.Value : null;

        var derived = ParseDerivations(Child(root, "derive"), Error);
        var columns = new HashSet<string>(StudyFields.AllColumns, StringComparer.Ordinal);
        foreach (var derivation in derived)
        {
            columns.Add(derivation.Name);
        }
        var cohort = ParseCohort(Child(root, "cohort"), columns, Error);
        var analyses = ParseAnalyses(Child(root, "analyses"), root, columns, Error);
        var paper = ParsePaper(Child(root, "paper"), analyses, columns, Error);

        if (errors.Count > 0)
        {
            return new StudyParseResult(null, errors);
        }
        return new StudyParseResult(new StudyDefinition(id!, title!, description, cohort, derived, analyses, source) { Text = text, Paper = paper }, errors);
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? RequiredScalar(YamlMappingNode map, string key, Action<YamlNode?, string> error)
    {
        switch (Child(map, key))
        {
            case YamlScalarNode { Value: { Length: > 0 } value }:
                return value;
            case null:
                error(map, $"'{key}' is missing");
                return null;
            case var other:
                error(other, $"'{key}' must be a single text value");
                return null;
        }
    }

    /// <summary>
    /// The entries of an optional mapping (<c>derive</c>, <c>cohort</c>): none when <paramref name="node"/> is absent;
    /// none, and <paramref name="notMapping"/> reported on the node, when it is not a mapping.
    /// </summary>
    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> MappingEntries(YamlNode? node, string notMapping, Action<YamlNode?, string> error)
    {
        if (node is YamlMappingNode map)
        {
            return map.Children;
        }
        if (node is not null)
        {
            error(node, notMapping);
        }
        return [];
    }

    /// <summary>
    /// The items of a list that are mappings (an analysis, a paper quantity), in order; each other item is reported with
    /// <paramref name="notMapping"/> when the iteration reaches it, and skipped. None when <paramref name="list"/> is null.
    /// </summary>
    private static IEnumerable<YamlMappingNode> MappingItems(YamlSequenceNode? list, string notMapping, Action<YamlNode?, string> error)
    {
        foreach (var item in list?.Children ?? [])
        {
            if (item is YamlMappingNode map)
            {
                yield return map;
            }
            else
            {
                error(item, notMapping);
            }
        }
    }

    private static List<Derivation> ParseDerivations(YamlNode? node, Action<YamlNode?, string> error)
    {
        var list = new List<Derivation>();
        foreach (var (key, value) in MappingEntries(node, "'derive' must map new column names to conditions, e.g. necrosis_high: \"necrosis_pct >= 75\"", error))
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (StudyFields.AllColumns.Contains(name))
            {
                error(key, $"derived column '{name}' would hide the dataset column of the same name");
                continue;
            }
            if (value is not YamlScalarNode { Value: { } expression } || !TryComparison(expression, out var source, out var op, out var threshold))
            {
                error(value, $"derived column '{name}' needs a condition 'column OP number' with OP one of {string.Join(" ", Operators)}");
                continue;
            }
            if (!StudyFields.AllColumns.Contains(source))
            {
                error(value, $"derived column '{name}': '{source}' is not a dataset column");
                continue;
            }
            list.Add(new Derivation(name, source, op, threshold, (int)key.Start.Line));
        }
        return list;
    }

    private static List<CohortFilter> ParseCohort(YamlNode? node, HashSet<string> columns, Action<YamlNode?, string> error)
    {
        var list = new List<CohortFilter>();
        foreach (var (key, value) in MappingEntries(node, "'cohort' must map registry fields to values, e.g. site: retroperitoneum", error))
        {
            var field = ((YamlScalarNode)key).Value ?? "";
            var values = ScalarValues(value);
            if (values is null || values.Count == 0)
            {
                error(value, $"cohort field '{field}' needs a value or a list of values");
                continue;
            }
            if (field == "has")
            {
                foreach (var v in values.Where(v => !StudyFields.HasValues.Contains(v)))
                {
                    error(value, $"cohort 'has: {v}' is not one of {string.Join(", ", StudyFields.HasValues)}");
                }
                list.Add(new CohortFilter(field, values, null, double.NaN, (int)key.Start.Line));
                continue;
            }
            if (!columns.Contains(field))
            {
                error(key, $"unknown field '{field}' in cohort (not a registry field or derived column)");
                continue;
            }
            if (values.Count == 1 && TryComparison(field + " " + values[0], out _, out var op, out var threshold) && Operators.Any(o => values[0].TrimStart().StartsWith(o, StringComparison.Ordinal)))
            {
                list.Add(new CohortFilter(field, values, op, threshold, (int)key.Start.Line));
            }
            else
            {
                list.Add(new CohortFilter(field, values, null, double.NaN, (int)key.Start.Line));
            }
        }
        return list;
    }

    private static List<AnalysisDefinition> ParseAnalyses(YamlNode? node, YamlMappingNode root, HashSet<string> columns, Action<YamlNode?, string> error)
    {
        var list = new List<AnalysisDefinition>();
        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            error(node ?? root, "'analyses' must be a non-empty list");
            return list;
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var map in MappingItems(sequence, "each analysis is a mapping with id, kind and its parameters", error))
        {
            var id = RequiredScalar(map, "id", error);
            var kind = RequiredScalar(map, "kind", error);
            if (id is not null && !ids.Add(id))
            {
                error(Child(map, "id"), $"analysis id '{id}' is used twice");
            }
            if (id is not null && !IsFileNamePart(id))
            {
                error(Child(map, "id"), $"analysis id '{id}' must be letters, digits, '-', '_' or '.' (not starting with '.'): it names the report's files");
            }
            if (kind is null)
            {
                continue;
            }
            if (AnalysisKindCatalog.Find(kind) is not { } analysisKind)
            {
                error(Child(map, "kind"), $"unknown analysis kind '{kind}' (expected one of {string.Join(", ", AnalysisKindCatalog.All.Select(k => k.Name))})");
                continue;
            }
            var specs = analysisKind.Parameters;
            var parameters = new Dictionary<string, Parameter>(StringComparer.Ordinal);
            foreach (var (key, value) in map.Children)
            {
                var name = ((YamlScalarNode)key).Value ?? "";
                if (name is "id" or "kind")
                {
                    continue;
                }
                if (name == "title")
                {
                    // Every kind takes a caption for the report.
                    parameters[name] = new Parameter(name, (value as YamlScalarNode)?.Value, null, (int)value.Start.Line, (int)value.Start.Column);
                    continue;
                }
                var spec = specs.FirstOrDefault(s => s.Name == name);
                if (spec is null)
                {
                    error(key, $"unknown parameter '{name}' for a {kind} analysis (expected {string.Join(", ", specs.Select(s => s.Name))})");
                    continue;
                }
                var values = ScalarValues(value);
                if (values is null)
                {
                    error(value, $"'{name}' must be a value or a list of values");
                    continue;
                }
                var parameter = new Parameter(name, value is YamlScalarNode s ? s.Value : null, value is YamlSequenceNode ? values : null,
                    (int)value.Start.Line, (int)value.Start.Column);
                CheckParameter(spec, parameter, value, columns, error);
                parameters[name] = parameter;
            }
            foreach (var missing in specs.Where(s => s.Required && !parameters.ContainsKey(s.Name)))
            {
                error(map, $"a {kind} analysis needs '{missing.Name}'");
            }
            if (id is not null)
            {
                var definition = new AnalysisDefinition(id, kind, parameters, (int)map.Start.Line);
                analysisKind.Check(definition, (parameter, message) => error(parameter is null ? map : map.Children[new YamlScalarNode(parameter.Name)], message));
                list.Add(definition);
            }
        }
        return list;
    }

    private static void CheckParameter(ParameterSpec spec, Parameter parameter, YamlNode node, HashSet<string> columns, Action<YamlNode?, string> error)
    {
        var values = parameter.Values;
        switch (spec.Role)
        {
            case ParameterRole.Column when parameter.List is not null:
                error(node, $"'{spec.Name}' takes one column name");
                break;
            case ParameterRole.Column or ParameterRole.Columns:
                foreach (var v in values.Where(v => !columns.Contains(v)))
                {
                    error(node, $"'{spec.Name}': '{v}' is not a column (not a registry field or derived column)");
                }
                break;
            case ParameterRole.Endpoint:
                if (!StudyFields.Endpoints.Contains(parameter.Scalar ?? ""))
                {
                    error(node, $"'{spec.Name}': '{parameter.Scalar}' is not an endpoint (expected one of {string.Join(", ", StudyFields.Endpoints)})");
                }
                break;
            case ParameterRole.Number or ParameterRole.Numbers:
                foreach (var v in values.Where(v => !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                {
                    error(node, $"'{spec.Name}': '{v}' is not a number");
                }
                break;
            case ParameterRole.Choice:
                if (!spec.Choices!.Contains(parameter.Scalar ?? ""))
                {
                    error(node, $"'{spec.Name}': '{parameter.Scalar}' is not one of {string.Join(", ", spec.Choices!)}");
                }
                break;
            case ParameterRole.Formula:
                if (parameter.Scalar is null || !parameter.Scalar.Contains('~'))
                {
                    error(node, $"'{spec.Name}' must be a formula such as \"~ high_grade + size_gt5\"");
                    break;
                }
                foreach (var term in FormulaTerms.Columns(parameter.Scalar).Where(t => !columns.Contains(t)))
                {
                    error(node, $"formula term '{term}' is not a column");
                }
                break;
        }
    }

    private static List<PaperQuantity> ParsePaper(YamlNode? node, IReadOnlyList<AnalysisDefinition> analyses, HashSet<string> columns, Action<YamlNode?, string> error)
    {
        var list = new List<PaperQuantity>();
        var items = node as YamlSequenceNode;
        if (node is not null && items is null)
        {
            error(node, "'paper' must be a list of quantities, each with quantity, value and estimate");
        }
        foreach (var map in MappingItems(items, "each paper quantity is a mapping with quantity, value and estimate", error))
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in map.Children)
            {
                fields[((YamlScalarNode)key).Value ?? ""] = (value as YamlScalarNode)?.Value ?? "";
            }
            var quantity = RequiredScalar(map, "quantity", error);
            var estimate = RequiredScalar(map, "estimate", error);
            var valueText = RequiredScalar(map, "value", error);
            if (quantity is null || estimate is null || valueText is null)
            {
                continue;
            }
            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var paperValue))
            {
                error(Child(map, "value"), $"paper quantity '{quantity}': value '{valueText}' is not a number");
                continue;
            }
            if (!PaperQuantity.Readings.TryGetValue(estimate, out var needs))
            {
                error(Child(map, "estimate"), $"paper quantity '{quantity}': estimate '{estimate}' is not one of {string.Join(", ", PaperQuantity.Readings.Keys)}");
                continue;
            }
            var analysis = fields.GetValueOrDefault("analysis");
            if (estimate is not ("not_estimable" or "column_median") && (analysis is null || analyses.All(a => a.Id != analysis)))
            {
                error(Child(map, "analysis") ?? map, $"paper quantity '{quantity}': 'analysis' must name one of this study's analyses");
                continue;
            }
            foreach (var need in needs.Where(n => !fields.ContainsKey(n)))
            {
                error(map, $"paper quantity '{quantity}': estimate '{estimate}' needs '{need}'");
            }
            if (estimate == "column_median" && fields.TryGetValue("column", out var column) && !columns.Contains(column))
            {
                error(Child(map, "column"), $"paper quantity '{quantity}': '{column}' is not a column");
            }
            var options = fields.Where(f => f.Key is not ("quantity" or "value" or "estimate" or "analysis" or "reason")).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
            list.Add(new PaperQuantity(quantity, paperValue, estimate, analysis, options, fields.GetValueOrDefault("reason"), (int)map.Start.Line));
        }
        return list;
    }

    /// <summary>True for a name that is safe as part of a file name in the report folder: no path separator, no "..", no leading dot.</summary>
    private static bool IsFileNamePart(string name) =>
        name.Length is > 0 and <= 100 && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static List<string>? ScalarValues(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value is null ? null : [s.Value],
        YamlSequenceNode seq when seq.Children.All(c => c is YamlScalarNode) => seq.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList(),
        _ => null,
    };

    private static bool TryComparison(string expression, out string column, out string op, out double threshold)
    {
        column = "";
        op = "";
        threshold = double.NaN;
        foreach (var candidate in Operators)
        {
            var at = expression.IndexOf(candidate, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }
            column = expression[..at].Trim();
            op = candidate;
            return double.TryParse(expression[(at + candidate.Length)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out threshold)
                && column.Length > 0;
        }
        return false;
    }
}
