namespace Sarc.Studies.Running;

/// <summary>
/// Checks that a report can be reproduced: reads the study definitions a <c>results.json</c> carries in its provenance,
/// and compares a re-run's <c>results.json</c> with the report's, ignoring when and by whom each was made.
/// </summary>
public static class ReportVerifier
{
    /// <summary>Provenance properties that differ between two runs of the same studies on the same data by design.</summary>
    private static readonly string[] Ignored = ["$.provenance.generated", "$.provenance.run_by"];

    /// <summary>The studies of the report, parsed from the definitions its provenance carries, each checked against its SHA-256.</summary>
    /// <exception cref="DataInputException">The document has no provenance (a report written before provenance existed), or a definition does not parse or match its hash.</exception>
    public static IReadOnlyList<StudyDefinition> Studies(JsonElement results, string source)
    {
        if (!results.TryGetProperty("provenance", out var provenance) || !provenance.TryGetProperty("studies", out var studies))
        {
            throw new DataInputException($"{source}: no provenance: the report was written by a Sarc without reproducibility stamps; run it again");
        }
        var list = new List<StudyDefinition>();
        foreach (var study in studies.EnumerateArray())
        {
            var id = study.GetProperty("id").GetString();
            var parsed = StudyParser.Parse(study.GetProperty("definition").GetString() ?? "", study.GetProperty("source").GetString() ?? id ?? "study");
            if (!parsed.Success)
            {
                throw new DataInputException($"{source}: the definition of study '{id}' does not parse any more: {parsed.Errors[0]}");
            }
            if (parsed.Study!.Sha256 != study.GetProperty("sha256").GetString())
            {
                throw new DataInputException($"{source}: the definition of study '{id}' does not match its SHA-256");
            }
            list.Add(parsed.Study);
        }
        return list;
    }

    /// <summary>
    /// The first difference between <paramref name="expected"/> (the report's) and <paramref name="actual"/> (the re-run's),
    /// as "PATH: A in the report, B now", studies before provenance; null when they are identical (time and user aside).
    /// </summary>
    public static string? FirstDifference(JsonElement expected, JsonElement actual)
    {
        foreach (var name in new[] { "studies", "provenance" })
        {
            var a = expected.TryGetProperty(name, out var x) ? x : default;
            var b = actual.TryGetProperty(name, out var y) ? y : default;
            if (Difference(a, b, "$." + name) is { } difference)
            {
                return difference;
            }
        }
        return null;
    }

    private static string? Difference(JsonElement a, JsonElement b, string path)
    {
        if (Ignored.Contains(path))
        {
            return null;
        }
        if (a.ValueKind != b.ValueKind)
        {
            return $"{path}: {Show(a)} in the report, {Show(b)} now";
        }
        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var names = a.EnumerateObject().Select(p => p.Name).Concat(b.EnumerateObject().Select(p => p.Name)).Distinct();
                foreach (var name in names)
                {
                    var x = a.TryGetProperty(name, out var xv) ? xv : default;
                    var y = b.TryGetProperty(name, out var yv) ? yv : default;
                    if (Difference(x, y, $"{path}.{name}") is { } d)
                    {
                        return d;
                    }
                }
                return null;
            case JsonValueKind.Array:
                var length = Math.Max(a.GetArrayLength(), b.GetArrayLength());
                for (var i = 0; i < length; i++)
                {
                    var x = i < a.GetArrayLength() ? a[i] : default;
                    var y = i < b.GetArrayLength() ? b[i] : default;
                    if (Difference(x, y, $"{path}[{i}]") is { } d)
                    {
                        return d;
                    }
                }
                return null;
            default:
                return a.GetRawText() == b.GetRawText() ? null : $"{path}: {Show(a)} in the report, {Show(b)} now";
        }
    }

    private static string Show(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Undefined => "absent",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => $"a list of {e.GetArrayLength().ToString(CultureInfo.InvariantCulture)}",
        JsonValueKind.String => e.GetRawText().Length > 80 ? e.GetRawText()[..77] + "...\"" : e.GetRawText(),
        _ => e.GetRawText(),
    };
}
