using System.Reflection;
using Sarc.Data;

namespace Sarc.Surveillance.Rules;

/// <summary>
/// A checked surveillance rule file: the exams, the tumour sites, and the profiles with their visits. The defaults ship
/// inside the assembly (<see cref="Default"/>); a center's own file is read with <see cref="Load"/>. The format is in
/// docs/surveillance.md. Every grade and site pair selects exactly one profile.
/// </summary>
public sealed class RuleSet
{
    /// <summary>The name the built-in rules carry in error messages.</summary>
    public const string DefaultSourceName = "default-rules.yaml";

    private const string DefaultResourceName = "Sarc.Surveillance.Rules.default-rules.yaml";

    private static readonly Lazy<RuleSet> DefaultRules = new(() => Parse(DefaultText(), DefaultSourceName));

    private readonly Dictionary<string, SurveillanceProfile> profilesByName;

    internal RuleSet(string source, IReadOnlyList<ExamDefinition> exams, IReadOnlyList<string> sites, IReadOnlyList<SurveillanceProfile> profiles)
    {
        Source = source;
        Exams = exams;
        Sites = sites;
        Profiles = profiles;
        profilesByName = profiles.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>The built-in ESMO/NCCN-style rules (<c>Rules/default-rules.yaml</c>).</summary>
    public static RuleSet Default => DefaultRules.Value;

    /// <summary>Where the rules came from (the path given, or <see cref="DefaultSourceName"/>).</summary>
    public string Source { get; }

    /// <summary>The declared exams in file order; schedules list exams in this order.</summary>
    public IReadOnlyList<ExamDefinition> Exams { get; }

    /// <summary>The valid tumour sites, lower case, in file order.</summary>
    public IReadOnlyList<string> Sites { get; }

    /// <summary>The profiles in file order.</summary>
    public IReadOnlyList<SurveillanceProfile> Profiles { get; }

    /// <summary>The text of the built-in rule file, for a center to copy.</summary>
    public static string DefaultText()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {DefaultResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads and checks a rule file.</summary>
    /// <exception cref="DataInputException">The file does not exist or cannot be read, or it has a problem (the message is
    /// the first one, <c>file:line: message</c>, and says how many more there are).</exception>
    public static RuleSet Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DataInputException($"{path}: cannot read the rule file ({e.Message.TrimEnd('.')}).");
        }

        return Parse(text, path);
    }

    /// <summary>Checks rule-file text and returns the rules.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="source">The file name to put in messages.</param>
    /// <exception cref="DataInputException">As <see cref="Load"/>.</exception>
    public static RuleSet Parse(string text, string source)
    {
        var result = TryParse(text, source);
        if (result.Rules is { } rules)
        {
            return rules;
        }

        var first = result.Errors[0].ToString();
        var more = result.Errors.Count - 1;
        throw new DataInputException(more == 0 ? first : $"{first} (and {more} more problem{(more == 1 ? string.Empty : "s")} in the file)");
    }

    /// <summary>Checks rule-file text and returns either the rules or every problem found, each with its line.</summary>
    public static RuleParseResult TryParse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        return RuleSetReader.Read(text, source);
    }

    /// <summary>The profile with this name.</summary>
    /// <exception cref="DataInputException">No profile has that name.</exception>
    public SurveillanceProfile GetProfile(string name) =>
        profilesByName.TryGetValue(name, out var profile)
            ? profile
            : throw new DataInputException($"{Source}: no profile '{name}'; the profiles are {string.Join(", ", Profiles.Select(p => p.Name))}.");

    /// <summary>A site as the rules spell it (lower case, trimmed).</summary>
    /// <exception cref="DataInputException">A site the rule file does not list.</exception>
    public string NormalizeSite(string? site, string what = "site") =>
        TryNormalizeSite(site, out var known) ? known : throw new DataInputException(UnknownSiteMessage(site, what));

    /// <summary>The site as the rules spell it, without allocating when it is already spelled so.</summary>
    internal bool TryNormalizeSite(string? site, out string normalized)
    {
        var value = (site ?? string.Empty).Trim();
        foreach (var known in Sites)
        {
            if (string.Equals(known, value, StringComparison.OrdinalIgnoreCase))
            {
                normalized = known;
                return true;
            }
        }

        normalized = string.Empty;
        return false;
    }

    internal string UnknownSiteMessage(string? site, string what) =>
        $"{what}: unknown site '{site}'; expected one of {string.Join(", ", Sites)}.";

    /// <summary>The profile a patient with this grade and site follows from surgery.</summary>
    /// <exception cref="DataInputException">An unknown site (see <see cref="NormalizeSite"/>).</exception>
    public SurveillanceProfile SelectProfile(TumorGrade grade, string site)
    {
        var normalized = NormalizeSite(site);
        foreach (var profile in Profiles)
        {
            if (profile.AppliesTo(grade, normalized))
            {
                return profile;
            }
        }

        // The reader proves every grade and site pair has exactly one profile, so this is a bug, not a user mistake.
        throw new InvalidOperationException($"No profile for grade {grade} at site {normalized} in checked rules {Source}.");
    }

    /// <summary>The profile a plan restarts on after a local recurrence of a tumour that followed <paramref name="profile"/>.</summary>
    public SurveillanceProfile AfterLocalRecurrence(SurveillanceProfile profile) => GetProfile(profile.AfterLocalRecurrence);
}
