using System.Text;
using Sarc.Data.Yaml;
using Sarc.Statistics.Survival;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sarc.Studies.Prediction;

/// <summary>
/// Reads and writes model files: YAML documented in docs/models.md. Writing is deterministic (the same model gives the
/// same bytes; numbers in shortest round-trip form, so reading gives back the same doubles). Reading checks everything
/// a prediction relies on and stops at the first problem with one line that names the file and the YAML line.
/// </summary>
public static class ModelFile
{

    /// <summary>Reads the model file at <paramref name="path"/>.</summary>
    /// <exception cref="DataInputException">The file cannot be read or is not a valid model file ("model.yaml: line 12: ...").</exception>
    public static PredictionModel Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataInputException($"{path}: cannot read the model file: {e.Message}");
        }
        return Parse(text, path);
    }

    /// <summary>Parses model-file text; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="DataInputException">Not a valid model file.</exception>
    public static PredictionModel Parse(string text, string source) => new Reader(source).Read(text);

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> (all or nothing: a temporary file renamed over it).</summary>
    /// <exception cref="DataInputException">The file cannot be written.</exception>
    public static void Write(PredictionModel model, string path)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            File.WriteAllText(temporary, ToText(model), new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new DataInputException($"{path}: cannot write the model file: {e.Message}");
        }
    }

    /// <summary>The model file text.</summary>
    public static string ToText(PredictionModel model)
    {
        var w = new StringBuilder();
        w.Append("# Sarc prediction model (docs/models.md). lp = sum(estimate x what it multiplies) - centring;\n");
        w.Append(model.Kind == ModelKind.Cox
            ? "# survival at a time = baseline survival ^ exp(lp).\n"
            : "# cumulative incidence at a time = 1 - exp(-cumulative_subdistribution_hazard x exp(lp)).\n");
        w.Append("sarc_model: ").Append(PredictionModel.FormatVersion).Append('\n');
        if (model.Name is { } name)
        {
            w.Append("name: ").Append(Quote(name)).Append('\n');
        }
        if (model.Source is { } source)
        {
            w.Append("source: ").Append(Quote(source)).Append('\n');
        }
        w.Append("kind: ").Append(model.Kind == ModelKind.Cox ? "cox" : "finegray").Append('\n');
        w.Append("formula: ").Append(Quote(model.Formula)).Append('\n');
        w.Append("time: ").Append(Quote(model.TimeColumn)).Append('\n');
        w.Append("event: ").Append(Quote(model.EventColumn)).Append('\n');
        if (model.Kind == ModelKind.FineGray)
        {
            w.Append("cause: ").Append(model.Cause.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        else
        {
            w.Append("ties: ").Append(model.Ties == CoxTies.Efron ? "efron" : "breslow").Append('\n');
        }
        if (model.FittedOn is { } fitted)
        {
            w.Append("fitted:\n");
            AppendProvenance(w, fitted, "  ");
        }
        if (model.Recalibrated is { } recalibrated)
        {
            w.Append("recalibrated:\n");
            w.Append("  method: ").Append(recalibrated.Method).Append('\n');
            w.Append("  slope: ").Append(Number(recalibrated.Slope)).Append('\n');
            AppendProvenance(w, recalibrated.On, "  ");
        }
        w.Append("variables:\n");
        foreach (var v in model.Variables)
        {
            w.Append("  - name: ").Append(Quote(v.Name)).Append('\n');
            w.Append("    type: ").Append(v.Type.ToString().ToLowerInvariant()).Append('\n');
            if (v.Levels is { } levels)
            {
                w.Append("    levels: [").AppendJoin(", ", levels.Select(Quote)).Append("]\n");
            }
            if (v.Knots is { } knots)
            {
                w.Append("    knots: [").AppendJoin(", ", knots.Select(Number)).Append("]\n");
            }
            if (v.Minimum is { } min && v.Maximum is { } max)
            {
                w.Append("    range: [").Append(Number(min)).Append(", ").Append(Number(max)).Append("]\n");
            }
            if (v.Values is { } values)
            {
                w.Append("    values: [").AppendJoin(", ", values.Select(Number)).Append("]\n");
            }
        }
        w.Append("coefficients:\n");
        foreach (var c in model.Coefficients)
        {
            w.Append("  - {name: ").Append(Quote(c.Name)).Append(", estimate: ").Append(Number(c.Estimate));
            if (c.StandardError is { } se)
            {
                w.Append(", se: ").Append(Number(se));
            }
            if (c.Parts.Count == 1)
            {
                w.Append(", ").Append(Part(c.Parts[0]));
            }
            else
            {
                w.Append(", product: [").AppendJoin(", ", c.Parts.Select(p => "{" + Part(p) + "}")).Append(']');
            }
            w.Append("}\n");
        }
        w.Append("centring: ").Append(Number(model.Centring)).Append('\n');
        if (model.LinearPredictorRange is { } range)
        {
            w.Append("linear_predictor_range: [").Append(Number(range.Low)).Append(", ").Append(Number(range.High)).Append("]\n");
        }
        w.Append("baseline:\n");
        foreach (var b in model.Baseline)
        {
            w.Append("  - {time: ").Append(Number(b.Time)).Append(", ");
            w.Append(model.Kind == ModelKind.Cox
                ? "survival: " + Number(Math.Exp(-b.CumulativeHazard))
                : "cumulative_subdistribution_hazard: " + Number(b.CumulativeHazard));
            w.Append("}\n");
        }
        return w.ToString();
    }

    private static void AppendProvenance(StringBuilder w, ModelProvenance p, string indent)
    {
        w.Append(indent).Append("data: ").Append(Quote(p.Data)).Append('\n');
        if (p.Sha256 is { } sha)
        {
            w.Append(indent).Append("sha256: ").Append(Quote(sha)).Append('\n');
        }
        w.Append(indent).Append("n: ").Append(p.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        w.Append(indent).Append("events: ").Append(p.Events.ToString(CultureInfo.InvariantCulture)).Append('\n');
        w.Append(indent).Append("excluded: ").Append(p.Excluded.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private static string Part(CoefficientPart part)
    {
        var text = "variable: " + Quote(part.Variable);
        if (part.Level is { } level)
        {
            text += ", level: " + Quote(level);
        }
        if (part.Basis != 0)
        {
            text += ", basis: " + part.Basis.ToString(CultureInfo.InvariantCulture);
        }
        return text;
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text, SarcJson.Serializer);

    /// <summary>A number in shortest round-trip form (reading it gives back the same double).</summary>
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>One read of one file: every check says where it failed.</summary>
    private sealed class Reader(string source)
    {
        private static readonly string[] TopKeys =
        [
            "sarc_model", "name", "source", "kind", "formula", "time", "event", "cause", "ties", "fitted", "recalibrated",
            "variables", "coefficients", "centring", "linear_predictor_range", "baseline",
        ];

        public PredictionModel Read(string text)
        {
            YamlStream stream;
            try
            {
                // Bounded, as every YAML a user hands Sarc: a deeply nested or alias-bomb file is a one-line error.
                stream = SafeYaml.Load(text);
            }
            catch (YamlException e)
            {
                throw new DataInputException($"{source}: line {e.Start.Line}: not valid YAML: {(e.InnerException?.Message ?? e.Message).Split('\n')[0]}");
            }
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                throw new DataInputException($"{source}: line 1: not a Sarc model file (expected a mapping starting with 'sarc_model: 1')");
            }
            CheckKeys(root, TopKeys);
            var version = Child(root, "sarc_model") ?? throw Error(root, "not a Sarc model file (no 'sarc_model: 1')");
            if (Integer(version, "sarc_model") != PredictionModel.FormatVersion)
            {
                throw Error(version, $"sarc_model {Scalar(version, "sarc_model")} is not a version this Sarc reads (1)");
            }
            var kindNode = Required(root, "kind");
            var kind = Scalar(kindNode, "kind") switch
            {
                "cox" => ModelKind.Cox,
                "finegray" => ModelKind.FineGray,
                var other => throw Error(kindNode, $"kind must be cox or finegray, found '{other}'"),
            };
            var ties = CoxTies.Efron;
            if (Child(root, "ties") is { } tiesNode)
            {
                ties = Scalar(tiesNode, "ties") switch
                {
                    "efron" => CoxTies.Efron,
                    "breslow" => CoxTies.Breslow,
                    var other => throw Error(tiesNode, $"ties must be efron or breslow, found '{other}'"),
                };
            }
            var cause = 1;
            if (Child(root, "cause") is { } causeNode)
            {
                cause = Integer(causeNode, "cause");
                if (cause < 1)
                {
                    throw Error(causeNode, $"cause must be a positive status code, found {cause}");
                }
            }
            else if (kind == ModelKind.FineGray)
            {
                throw Error(root, "a finegray model needs 'cause' (the status code predicted)");
            }
            var variables = Variables(Required(root, "variables"));
            var coefficients = Coefficients(Required(root, "coefficients"), variables);
            var baseline = Baseline(Required(root, "baseline"), kind);
            (double, double)? lpRange = null;
            if (Child(root, "linear_predictor_range") is { } rangeNode)
            {
                lpRange = Pair(rangeNode, "linear_predictor_range");
            }
            ModelRecalibration? recalibrated = null;
            if (Child(root, "recalibrated") is { } recalibratedNode)
            {
                var map = Mapping(recalibratedNode, "recalibrated");
                CheckKeys(map, ["method", "slope", "data", "sha256", "n", "events", "excluded"]);
                var methodNode = Required(map, "method");
                var method = Scalar(methodNode, "method");
                if (method is not ("intercept" or "slope"))
                {
                    throw Error(methodNode, $"recalibrated method must be intercept or slope, found '{method}'");
                }
                recalibrated = new ModelRecalibration(method, Finite(Required(map, "slope"), "slope"), Provenance(map));
            }
            return new PredictionModel
            {
                Name = OptionalText(root, "name"),
                Source = OptionalText(root, "source"),
                Kind = kind,
                Formula = Text(Required(root, "formula"), "formula"),
                TimeColumn = Text(Required(root, "time"), "time"),
                EventColumn = Text(Required(root, "event"), "event"),
                Cause = cause,
                Ties = ties,
                Variables = variables,
                Coefficients = coefficients,
                Centring = Child(root, "centring") is { } c ? Finite(c, "centring") : 0,
                Baseline = baseline,
                LinearPredictorRange = lpRange,
                FittedOn = Child(root, "fitted") is { } f ? Provenance(CheckedMapping(f, "fitted", ["data", "sha256", "n", "events", "excluded"])) : null,
                Recalibrated = recalibrated,
            };
        }

        private List<ModelVariable> Variables(YamlNode node)
        {
            var list = new List<ModelVariable>();
            foreach (var item in Sequence(node, "variables"))
            {
                var map = CheckedMapping(item, "a variable", ["name", "type", "levels", "knots", "range", "values"]);
                var name = Text(Required(map, "name"), "name");
                if (list.Any(v => v.Name == name))
                {
                    throw Error(map, $"variable '{name}' is listed twice");
                }
                var typeNode = Required(map, "type");
                var type = Scalar(typeNode, "type") switch
                {
                    "numeric" => ModelVariableType.Numeric,
                    "factor" => ModelVariableType.Factor,
                    "spline" => ModelVariableType.Spline,
                    var other => throw Error(typeNode, $"variable type must be numeric, factor or spline, found '{other}'"),
                };
                IReadOnlyList<string>? levels = null;
                IReadOnlyList<double>? knots = null;
                if (type == ModelVariableType.Factor)
                {
                    var levelsNode = Child(map, "levels") ?? throw Error(map, $"factor '{name}' needs its levels (the reference first)");
                    levels = Sequence(levelsNode, "levels").Select(l => Text(l, "a level")).ToArray();
                    if (levels.Count < 2 || levels.Distinct().Count() != levels.Count)
                    {
                        throw Error(levelsNode, $"factor '{name}' needs at least two distinct levels");
                    }
                }
                else if (Child(map, "levels") is { } stray)
                {
                    throw Error(stray, $"only a factor has levels ('{name}' is {Scalar(typeNode, "type")})");
                }
                if (type == ModelVariableType.Spline)
                {
                    var knotsNode = Child(map, "knots") ?? throw Error(map, $"spline '{name}' needs its knots");
                    knots = Sequence(knotsNode, "knots").Select(k => Finite(k, "a knot")).ToArray();
                    if (knots.Count < 3 || knots.Zip(knots.Skip(1)).Any(pair => !(pair.First < pair.Second)))
                    {
                        throw Error(knotsNode, $"spline '{name}' needs at least 3 knots in increasing order");
                    }
                }
                else if (Child(map, "knots") is { } stray)
                {
                    throw Error(stray, $"only a spline has knots ('{name}' is {Scalar(typeNode, "type")})");
                }
                double? min = null, max = null;
                if (Child(map, "range") is { } rangeNode)
                {
                    (min, max) = Pair(rangeNode, "range");
                }
                var values = Child(map, "values") is { } valuesNode
                    ? Sequence(valuesNode, "values").Select(v => Finite(v, "a value")).ToArray()
                    : null;
                list.Add(new ModelVariable(name, type, levels, knots, min, max, values));
            }
            if (list.Count == 0)
            {
                throw Error(node, "the model has no variables");
            }
            return list;
        }

        private List<ModelCoefficient> Coefficients(YamlNode node, List<ModelVariable> variables)
        {
            var list = new List<ModelCoefficient>();
            foreach (var item in Sequence(node, "coefficients"))
            {
                var map = CheckedMapping(item, "a coefficient", ["name", "estimate", "se", "variable", "level", "basis", "product"]);
                var name = Text(Required(map, "name"), "name");
                var estimate = Finite(Required(map, "estimate"), "estimate");
                double? se = Child(map, "se") is { } seNode ? Finite(seNode, "se") : null;
                List<CoefficientPart> parts;
                if (Child(map, "product") is { } product)
                {
                    if (Child(map, "variable") is not null)
                    {
                        throw Error(map, $"coefficient '{name}' has both 'variable' and 'product'");
                    }
                    parts = Sequence(product, "product").Select(p => Part(CheckedMapping(p, "a product part", ["variable", "level", "basis"]), variables)).ToList();
                    if (parts.Count < 2)
                    {
                        throw Error(product, $"coefficient '{name}': a product needs at least two parts");
                    }
                }
                else
                {
                    parts = [Part(map, variables)];
                }
                list.Add(new ModelCoefficient(name, estimate, se, parts));
            }
            if (list.Count == 0)
            {
                throw Error(node, "the model has no coefficients");
            }
            return list;
        }

        private CoefficientPart Part(YamlMappingNode map, List<ModelVariable> variables)
        {
            var variableNode = Required(map, "variable");
            var name = Text(variableNode, "variable");
            var variable = variables.FirstOrDefault(v => v.Name == name)
                ?? throw Error(variableNode, $"variable '{name}' is not among the model's variables ({string.Join(", ", variables.Select(v => v.Name))})");
            string? level = null;
            if (Child(map, "level") is { } levelNode)
            {
                level = Text(levelNode, "level");
                if (variable.Levels is not { } levels)
                {
                    throw Error(levelNode, $"'{name}' is not a factor, so it has no level '{level}'");
                }
                if (!levels.Contains(level))
                {
                    throw Error(levelNode, $"'{level}' is not a level of '{name}' ({string.Join(", ", levels)})");
                }
            }
            else if (variable.Type == ModelVariableType.Factor)
            {
                throw Error(variableNode, $"factor '{name}' needs the level whose indicator the coefficient multiplies");
            }
            var basis = 0;
            if (Child(map, "basis") is { } basisNode)
            {
                basis = Integer(basisNode, "basis");
                var top = variable.Knots is { } knots ? knots.Count - 2 : 0;
                if (basis < 0 || basis > top)
                {
                    throw Error(basisNode, variable.Type == ModelVariableType.Spline
                        ? $"basis of spline '{name}' must be 0 to {top}, found {basis}"
                        : $"only a spline has a basis ('{name}' is {variable.Type.ToString().ToLowerInvariant()})");
                }
            }
            return new CoefficientPart(name, level, basis);
        }

        private List<BaselinePoint> Baseline(YamlNode node, ModelKind kind)
        {
            var key = kind == ModelKind.Cox ? "survival" : "cumulative_subdistribution_hazard";
            var list = new List<BaselinePoint>();
            foreach (var item in Sequence(node, "baseline"))
            {
                var map = CheckedMapping(item, "a baseline point", ["time", key]);
                var timeNode = Required(map, "time");
                var time = Finite(timeNode, "time");
                if (time < 0 || list.Count > 0 && !(time > list[^1].Time))
                {
                    throw Error(timeNode, "baseline times must be >= 0 and increasing");
                }
                var valueNode = Child(map, key) ?? throw Error(map, $"a {(kind == ModelKind.Cox ? "cox" : "finegray")} baseline point needs '{key}'");
                var value = Finite(valueNode, key);
                double hazard;
                if (kind == ModelKind.Cox)
                {
                    if (!(value > 0 && value <= 1))
                    {
                        throw Error(valueNode, $"baseline survival must be in (0, 1], found {Scalar(valueNode, key)}");
                    }
                    hazard = -Math.Log(value);
                }
                else
                {
                    if (value < 0)
                    {
                        throw Error(valueNode, $"a cumulative subdistribution hazard cannot be negative, found {Scalar(valueNode, key)}");
                    }
                    hazard = value;
                }
                list.Add(new BaselinePoint(time, hazard));
            }
            if (list.Count == 0)
            {
                throw Error(node, "the model has no baseline (no time to predict at)");
            }
            return list;
        }

        private ModelProvenance Provenance(YamlMappingNode map) => new(
            Text(Required(map, "data"), "data"),
            OptionalText(map, "sha256"),
            Child(map, "n") is { } n ? Integer(n, "n") : 0,
            Child(map, "events") is { } e ? Integer(e, "events") : 0,
            Child(map, "excluded") is { } x ? Integer(x, "excluded") : 0);

        private (double, double) Pair(YamlNode node, string what)
        {
            var items = Sequence(node, what).ToArray();
            if (items.Length != 2)
            {
                throw Error(node, $"{what} must be [low, high]");
            }
            var low = Finite(items[0], what);
            var high = Finite(items[1], what);
            if (low > high)
            {
                throw Error(node, $"{what} must be [low, high] with low <= high");
            }
            return (low, high);
        }

        private void CheckKeys(YamlMappingNode map, string[] allowed)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!allowed.Contains(name))
                {
                    throw Error(key, $"unknown key '{name}' (expected one of: {string.Join(", ", allowed)})");
                }
            }
        }

        private YamlMappingNode CheckedMapping(YamlNode node, string what, string[] keys)
        {
            var map = Mapping(node, what);
            CheckKeys(map, keys);
            return map;
        }

        private YamlMappingNode Mapping(YamlNode node, string what) =>
            node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping (key: value)");

        private IEnumerable<YamlNode> Sequence(YamlNode node, string what) =>
            (node as YamlSequenceNode)?.Children ?? throw Error(node, $"{what} must be a list");

        private static YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        private YamlNode Required(YamlMappingNode map, string key) =>
            Child(map, key) ?? throw Error(map, $"'{key}' is missing");

        private string Scalar(YamlNode node, string what) =>
            (node as YamlScalarNode)?.Value ?? throw Error(node, $"{what} must be a single value");

        private string Text(YamlNode node, string what)
        {
            var value = Scalar(node, what);
            return value.Length > 0 ? value : throw Error(node, $"{what} must not be empty");
        }

        private string? OptionalText(YamlMappingNode map, string key) => Child(map, key) is { } node ? Text(node, key) : null;

        private double Finite(YamlNode node, string what)
        {
            var text = Scalar(node, what);
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw Error(node, $"{what} must be a number, found '{text}'");
        }

        private int Integer(YamlNode node, string what)
        {
            var text = Scalar(node, what);
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Error(node, $"{what} must be a whole number, found '{text}'");
        }

        private DataInputException Error(YamlNode node, string message) =>
            new($"{source}: line {node.Start.Line}: {message}");
    }
}
