namespace Sarc.Studies.Definitions;

/// <summary>
/// The study definitions a program offers: the seed studies of <c>studies/*.yaml</c>, built into this assembly, plus
/// optionally a folder of a center's own definitions (<c>*.yaml</c>, <c>*.yml</c>). Immutable; ids are unique.
/// </summary>
public sealed class StudyCatalog
{
    private const string ResourcePrefix = "Sarc.Studies.studies.";

    /// <summary>The seed studies in seed order (000 to 004), so lists and reports read as the seeds do.</summary>
    private static readonly string[] SeedOrder = ["necrosis-outcomes", "metastatic-cmt", "pulmonary-metastasectomy", "lr-dm-multistate", "rps-post-relapse"];

    private static readonly Lazy<StudyCatalog> Seeds = new(() => new StudyCatalog(ReadBuiltIn()));

    private StudyCatalog(IReadOnlyList<StudyDefinition> studies) => Studies = studies;

    /// <summary>The built-in seed studies, in seed order (unknown ids after them, by id).</summary>
    public static StudyCatalog BuiltIn => Seeds.Value;

    /// <summary>Every definition: the built-in ones first, in seed order, then those of the folder, by id.</summary>
    public IReadOnlyList<StudyDefinition> Studies { get; }

    /// <summary>The definition with id <paramref name="id"/> (ordinal), or null.</summary>
    public StudyDefinition? Find(string id)
    {
        foreach (var study in Studies)
        {
            if (string.Equals(study.Id, id, StringComparison.Ordinal))
            {
                return study;
            }
        }
        return null;
    }

    /// <summary>
    /// The built-in studies plus every <c>*.yaml</c> / <c>*.yml</c> file of <paramref name="directory"/> (not recursive).
    /// </summary>
    /// <exception cref="DataInputException">
    /// The folder does not exist, a definition is invalid (its first error as <c>file:line:column: message</c>), or an
    /// id is used twice (a folder study cannot silently replace a built-in one).
    /// </exception>
    public static StudyCatalog WithDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DataInputException($"{directory}: the studies folder does not exist");
        }
        var files = Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml")).Order(StringComparer.Ordinal);
        var studies = new List<StudyDefinition>(BuiltIn.Studies);
        var ids = new HashSet<string>(studies.Select(s => s.Id), StringComparer.Ordinal);
        var own = new List<StudyDefinition>();
        foreach (var file in files)
        {
            var result = StudyParser.ParseFile(file);
            if (!result.Success)
            {
                throw new DataInputException(result.Errors.Count > 0 ? result.Errors[0].ToString() : $"{file}: not a study definition");
            }
            if (!ids.Add(result.Study!.Id))
            {
                throw new DataInputException($"{file}: the study id '{result.Study.Id}' is already taken by another definition");
            }
            own.Add(result.Study);
        }
        studies.AddRange(own.OrderBy(s => s.Id, StringComparer.Ordinal));
        return new StudyCatalog(studies);
    }

    private static StudyDefinition[] ReadBuiltIn()
    {
        var assembly = typeof(StudyCatalog).Assembly;
        var studies = new List<StudyDefinition>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var result = StudyParser.Parse(reader.ReadToEnd(), "studies/" + name[ResourcePrefix.Length..]);
            if (!result.Success)
            {
                throw new InvalidOperationException($"The built-in study {name} is invalid: {result.Errors[0]}");
            }
            studies.Add(result.Study!);
        }
        return [.. studies.OrderBy(s => Array.IndexOf(SeedOrder, s.Id) is var i && i >= 0 ? i : SeedOrder.Length).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }
}
