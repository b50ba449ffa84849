using System.Text.Json;

namespace Sarc.Studies.Tests.Reports;

/// <summary>
/// A small JSON Schema checker for the keywords docs/results.schema.json uses (type, required, properties,
/// additionalProperties: false, items, enum, const, minimum, minLength, minItems, maxItems, allOf, anyOf, if/then):
/// no validator package is on the
/// mirror, and these are enough to hold results.json to its contract.
/// </summary>
internal static class SchemaChecker
{
    public static List<string> Check(JsonElement schema, JsonElement value, string path = "$")
    {
        var errors = new List<string>();
        Visit(schema, value, path, errors);
        return errors;
    }

    private static void Visit(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
            if (!types.Any(t => Is(t, value)))
            {
                errors.Add($"{path}: expected {string.Join(" or ", types)}, found {value.ValueKind}");
                return;
            }
        }
        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => o.GetRawText() == value.GetRawText()))
        {
            errors.Add($"{path}: {value.GetRawText()} is not one of the allowed values");
        }
        if (schema.TryGetProperty("const", out var constant) && constant.GetRawText() != value.GetRawText())
        {
            errors.Add($"{path}: {value.GetRawText()} is not {constant.GetRawText()}");
        }
        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Visit(part, value, path, errors);
            }
        }
        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            var attempts = anyOf.EnumerateArray().Select(part => Check(part, value, path)).ToArray();
            if (!attempts.Any(a => a.Count == 0))
            {
                errors.Add($"{path}: matches none of the anyOf alternatives");
                errors.AddRange(attempts.SelectMany(a => a));
            }
        }
        if (schema.TryGetProperty("if", out var condition) && schema.TryGetProperty("then", out var then) && Check(condition, value, path).Count == 0)
        {
            Visit(then, value, path, errors);
        }
        if (schema.TryGetProperty("minimum", out var minimum) && value.ValueKind == JsonValueKind.Number && value.GetDouble() < minimum.GetDouble())
        {
            errors.Add($"{path}: {value.GetDouble()} is below {minimum.GetDouble()}");
        }
        if (schema.TryGetProperty("minLength", out var minLength) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length < minLength.GetInt32())
        {
            errors.Add($"{path}: shorter than {minLength.GetInt32()}");
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(name => !value.TryGetProperty(name, out _)))
                {
                    errors.Add($"{path}: missing required '{name}'");
                }
            }
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            var closed = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var sub))
                {
                    Visit(sub, property.Value, $"{path}.{property.Name}", errors);
                }
                else if (closed)
                {
                    errors.Add($"{path}: unexpected property '{property.Name}'");
                }
            }
        }
        if (value.ValueKind == JsonValueKind.Array)
        {
            var count = value.GetArrayLength();
            if (schema.TryGetProperty("minItems", out var minItems) && count < minItems.GetInt32())
            {
                errors.Add($"{path}: fewer than {minItems.GetInt32()} items");
            }
            if (schema.TryGetProperty("maxItems", out var maxItems) && count > maxItems.GetInt32())
            {
                errors.Add($"{path}: more than {maxItems.GetInt32()} items");
            }
            if (schema.TryGetProperty("items", out var items))
            {
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Visit(items, item, $"{path}[{i++}]", errors);
                }
            }
        }
    }

    private static bool Is(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"schema type '{type}'"),
    };
}
