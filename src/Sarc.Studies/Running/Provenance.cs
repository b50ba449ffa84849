using System.Reflection;

namespace Sarc.Studies.Running;

/// <summary>
/// What produced a report, for its footer and <c>results.json</c> → <c>"provenance"</c>: Sarc's version and source
/// commit (embedded at build), when, by which command or web user, from which data (<see cref="DataSnapshot"/>), and the
/// R packages Sarc's engines were validated against (validation/reference/r-packages.json). Each study's definition
/// SHA-256 is on the study itself (<see cref="Definitions.StudyDefinition.Sha256"/>).
/// </summary>
public sealed record Provenance(string SarcVersion, string? SourceCommit, DateTimeOffset Generated, string RunBy, DataSnapshot Data)
{
    private static readonly Lazy<(string R, IReadOnlyDictionary<string, string> Packages)> Validation = new(ReadValidation);

    /// <summary>The R version of the validation fixtures.</summary>
    public static string ValidatedRVersion => Validation.Value.R;

    /// <summary>R packages and versions of the validation fixtures (survival, cmprsk, ...).</summary>
    public static IReadOnlyDictionary<string, string> ValidatedPackages => Validation.Value.Packages;

    /// <summary>Provenance of a run now (by <paramref name="clock"/>) by <paramref name="runBy"/> on <paramref name="data"/>, with this build's version and commit.</summary>
    public static Provenance Create(string runBy, DataSnapshot data, TimeProvider clock)
    {
        var informational = typeof(Provenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        var version = plus < 0 ? informational : informational[..plus];
        var commit = plus < 0 ? null : informational[(plus + 1)..];
        // Truncated to whole seconds: the stamp is for people, and verification ignores it anyway.
        var now = clock.GetUtcNow();
        return new Provenance(version, commit, now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)), runBy, data);
    }

    /// <summary>Writes the <c>"provenance"</c> object's properties into an open JSON object.</summary>
    public void WriteJson(Utf8JsonWriter writer, IEnumerable<Definitions.StudyDefinition> studies)
    {
        writer.WriteString("sarc_version", SarcVersion);
        writer.WriteString("source_commit", SourceCommit);
        writer.WriteString("generated", Generated.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("run_by", RunBy);
        var head = Data.AuditHead;
        writer.WriteRecord("data", new DataJson(Data.Source, Data.Sha256, head?.Id, head?.ToString(), Data.Patients), StudiesJson.Rows);
        writer.WriteRecord("studies", studies.Select(study => new StudyJson(study.Id, study.Source, study.Sha256, study.Text)), StudiesJson.Rows);
        writer.WriteStartObject("validated_against");
        writer.WriteString("r", ValidatedRVersion);
        foreach (var (package, version) in ValidatedPackages)
        {
            writer.WriteString(package, version);
        }
        writer.WriteEndObject();
    }

    private static (string, IReadOnlyDictionary<string, string>) ReadValidation()
    {
        using var stream = typeof(Provenance).Assembly.GetManifestResourceStream("Sarc.Studies.r-packages.json")
            ?? throw new InvalidOperationException("The validation metadata (r-packages.json) is not embedded in this build.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var packages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in root.GetProperty("packages").EnumerateObject())
        {
            packages[property.Name] = property.Value.GetString()!;
        }
        return (root.GetProperty("r_version").GetString()!, packages);
    }

    // The rows of the provenance (SarcJson.Records; a registry without an audit chain has null position and head).
    internal sealed record DataJson(string Source, string SnapshotSha256, long? AuditPosition, string? AuditHead, int Patients);

    internal sealed record StudyJson(string Id, string Source, string Sha256, string Definition);
}
