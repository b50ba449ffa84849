using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sarc.Surveillance.Rules;

/// <summary>
/// Walks the YAML node tree of a rule file (not a typed deserializer, so that every problem can name its own line) and
/// collects every problem it finds before giving up. The checks are listed in docs/surveillance.md.
/// </summary>
internal sealed partial class RuleSetReader
{
    private static readonly string[] TopKeys = ["version", "exams", "sites", "profiles"];
    private static readonly string[] ProfileKeys = ["description", "grades", "sites", "sites_except", "after_local_recurrence", "visits", "exams"];
    private static readonly string[] PhaseKeys = ["months", "every"];
    private static readonly string[] ExamRuleKeys = ["exam", "months", "every"];
    private static readonly TumorGrade[] AllGrades = [TumorGrade.G1, TumorGrade.G2, TumorGrade.G3, TumorGrade.GX];

    private readonly string source;
    private readonly List<RuleError> errors = [];

    private RuleSetReader(string source) => this.source = source;

    public static RuleParseResult Read(string text, string source)
    {
        var reader = new RuleSetReader(source);
        var rules = reader.ReadRules(text);
        return reader.errors.Count == 0 && rules is not null
            ? new RuleParseResult(rules, [])
            : new RuleParseResult(null, reader.errors.OrderBy(e => e.Line).ToArray());
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^\s*(\d{1,4})\s*-\s*(\d{1,4})\s*$")]
    private static partial Regex RangeSyntax();

    private RuleSet? ReadRules(string text)
    {
        YamlStream stream;
        try
        {
            // Bounded: nesting, alias expansion, and YamlDotNet's other exceptions on broken flow collections (SafeYaml).
            stream = Sarc.Data.Yaml.SafeYaml.Load(text);
        }
        catch (YamlException e)
        {
            Error(LineOf(e.Start), $"not valid YAML: {Sarc.Data.Yaml.SafeYaml.Describe(e)}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            Error(1, "the rule file is empty");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            Error(stream.Documents[1].RootNode, "the rule file must hold one YAML document, not several");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(stream.Documents[0].RootNode, "the rule file must be a mapping with the keys version, exams, sites and profiles");
            return null;
        }

        var fields = Fields(root, "the rule file", TopKeys);
        CheckVersion(root, fields);
        var exams = ReadExams(root, fields);
        var sites = ReadSites(root, fields);
        var profiles = ReadProfiles(root, fields, exams, sites);
        if (errors.Count > 0 || exams is null || sites is null || profiles is null)
        {
            return null;
        }

        CheckRestartProfiles(profiles);
        CheckCoverage(root, fields, profiles, sites);
        if (errors.Count > 0)
        {
            return null;
        }

        return new RuleSet(source, exams.AsReadOnly(), sites.AsReadOnly(), Array.AsReadOnly(profiles.Select(p => p.Profile).ToArray()));
    }

    private void CheckVersion(YamlMappingNode root, Dictionary<string, Field> fields)
    {
        if (Require(root, fields, "version", "the rule file") is not { } field)
        {
            return;
        }

        if (field.Value is not YamlScalarNode { Value: "1" })
        {
            Error(field.Value, "version: this tool reads rule files of version 1");
        }
    }

    private List<ExamDefinition>? ReadExams(YamlMappingNode root, Dictionary<string, Field> fields)
    {
        if (RequireNonEmpty<YamlMappingNode>(root, fields, "exams", "the rule file", "exams: expected a mapping of exam names to descriptions, e.g. 'chest_ct: CT of the chest'") is not { } map)
        {
            return null;
        }

        var exams = new List<ExamDefinition>();
        foreach (var (key, value) in map.Children)
        {
            if (IdentifierOf(key, "exams", "exam") is not { } name)
            {
                continue;
            }

            if (value is not YamlScalarNode { Value: { Length: > 0 } description })
            {
                Error(value, $"exams: exam '{name}' needs a description");
                continue;
            }

            exams.Add(new ExamDefinition(name, description.Trim()));
        }

        return exams;
    }

    private List<string>? ReadSites(YamlMappingNode root, Dictionary<string, Field> fields)
    {
        if (RequireNonEmpty<YamlSequenceNode>(root, fields, "sites", "the rule file", "sites: expected a list of site names, e.g. [extremity_lower, trunk, retroperitoneum]") is not { } list)
        {
            return null;
        }

        var sites = new List<string>();
        foreach (var item in list.Children)
        {
            if (IdentifierOf(item, "sites", "site") is not { } name)
            {
                continue;
            }

            if (sites.Contains(name))
            {
                Error(item, $"sites: '{name}' is listed twice");
            }
            else
            {
                sites.Add(name);
            }
        }

        return sites;
    }

    private List<ProfileDraft>? ReadProfiles(YamlMappingNode root, Dictionary<string, Field> fields, List<ExamDefinition>? exams, List<string>? sites)
    {
        if (RequireNonEmpty<YamlMappingNode>(root, fields, "profiles", "the rule file", "profiles: expected a mapping of profile names to profiles") is not { } map)
        {
            return null;
        }

        if (exams is null || sites is null)
        {
            return null;
        }

        var profiles = new List<ProfileDraft>();
        foreach (var (key, value) in map.Children)
        {
            if (IdentifierOf(key, "profiles", "profile") is not { } name)
            {
                continue;
            }

            if (value is not YamlMappingNode body)
            {
                Error(value, $"profile '{name}': expected a mapping with grades, sites, after_local_recurrence, visits and exams");
                continue;
            }

            if (ReadProfile(name, key, body, exams, sites) is { } draft)
            {
                profiles.Add(draft);
            }
        }

        return profiles;
    }

    private ProfileDraft? ReadProfile(string name, YamlNode key, YamlMappingNode body, List<ExamDefinition> exams, List<string> sites)
    {
        var context = $"profile '{name}'";
        var errorsBefore = errors.Count;
        var fields = Fields(body, context, ProfileKeys);

        var description = string.Empty;
        if (fields.TryGetValue("description", out var descriptionField))
        {
            if (descriptionField.Value is YamlScalarNode { Value: { } text })
            {
                description = text.Trim();
            }
            else
            {
                Error(descriptionField.Value, $"{context}: description must be text");
            }
        }

        var grades = ReadGrades(body, fields, context);
        var profileSites = ReadProfileSites(body, fields, context, sites);
        string? restart = null;
        YamlNode restartNode = key;
        if (Require(body, fields, "after_local_recurrence", context) is { } restartField)
        {
            restartNode = restartField.Value;
            if (restartField.Value is YamlScalarNode { Value: { Length: > 0 } restartName })
            {
                restart = restartName;
            }
            else
            {
                Error(restartField.Value, $"{context}: after_local_recurrence must name a profile");
            }
        }

        var (phases, phasesOk) = ReadPhases(body, fields, context);
        var lastMonth = phases.Count > 0 ? phases.Max(p => p.Months.Through) : int.MaxValue;
        var examRules = ReadExamRules(body, fields, context, exams, lastMonth);

        if (errors.Count > errorsBefore || grades is null || profileSites is null || restart is null || !phasesOk || examRules is null)
        {
            return null;
        }

        var visits = PlanVisits(context, fields["exams"].Key, phases, examRules, exams);
        if (visits is null)
        {
            return null;
        }

        // Read-only wrappers and frozen sets: a profile is shared by every schedule made from it and must not change.
        var profile = new SurveillanceProfile(
            name, description, grades.ToFrozenSet(), profileSites.ToFrozenSet(StringComparer.Ordinal), restart, phases.AsReadOnly(), examRules.AsReadOnly(), visits.AsReadOnly());
        return new ProfileDraft(profile, LineOf(key), LineOf(restartNode));
    }

    private HashSet<TumorGrade>? ReadGrades(YamlMappingNode body, Dictionary<string, Field> fields, string context)
    {
        if (Require(body, fields, "grades", context) is not { } field)
        {
            return null;
        }

        if (field.Value is YamlScalarNode { Value: "any" })
        {
            return [.. AllGrades];
        }

        if (field.Value is not YamlSequenceNode list || list.Children.Count == 0)
        {
            Error(field.Value, $"{context}: grades must be 'any' or a list such as [2, 3, X]");
            return null;
        }

        var grades = new HashSet<TumorGrade>();
        foreach (var item in list.Children)
        {
            var text = (item as YamlScalarNode)?.Value ?? string.Empty;
            if (!SurveillanceInput.TryParseGrade(text, out var grade))
            {
                Error(item, $"{context}: unknown grade '{text}'; grades are 1, 2, 3 and X");
            }
            else if (!grades.Add(grade))
            {
                Error(item, $"{context}: grade '{text}' is listed twice");
            }
        }

        return grades;
    }

    private HashSet<string>? ReadProfileSites(YamlMappingNode body, Dictionary<string, Field> fields, string context, List<string> sites)
    {
        var hasSites = fields.TryGetValue("sites", out var included);
        var hasExcept = fields.TryGetValue("sites_except", out var excluded);
        if (hasSites && hasExcept)
        {
            Error(excluded.Key, $"{context}: give either sites or sites_except, not both");
            return null;
        }

        if (!hasSites && !hasExcept)
        {
            Error(body, $"{context}: say which sites it is for with sites (a list or 'any') or sites_except (a list)");
            return null;
        }

        if (hasSites && included.Value is YamlScalarNode { Value: "any" })
        {
            return [.. sites];
        }

        var field = hasSites ? included : excluded;
        var key = hasSites ? "sites" : "sites_except";
        if (field.Value is not YamlSequenceNode list || list.Children.Count == 0)
        {
            Error(field.Value, $"{context}: {key} must be a list of sites{(hasSites ? " or 'any'" : string.Empty)}");
            return null;
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Children)
        {
            var site = (item as YamlScalarNode)?.Value ?? string.Empty;
            if (!sites.Contains(site))
            {
                Error(item, $"{context}: unknown site '{site}' in {key}; the file's sites are {string.Join(", ", sites)}");
            }
            else if (!named.Add(site))
            {
                Error(item, $"{context}: site '{site}' is listed twice in {key}");
            }
        }

        return hasSites ? named : sites.Where(s => !named.Contains(s)).ToHashSet(StringComparer.Ordinal);
    }

    // Returns the phases read even when some are wrong, so the exam rules can still be checked against them.
    private (List<VisitPhase> Phases, bool Ok) ReadPhases(YamlMappingNode body, Dictionary<string, Field> fields, string context)
    {
        if (MappingEntries(body, fields, "visits", context, $"{context}: visits must be a list such as '- {{ months: 0-36, every: 3 }}'",
            $"{context}: each visits entry needs months and every, e.g. '{{ months: 0-36, every: 3 }}'", out var ok) is not { } items)
        {
            return ([], false);
        }

        var phases = new List<VisitPhase>();
        foreach (var map in items)
        {
            var entry = Fields(map, $"{context} visits", PhaseKeys);
            var months = Require(map, entry, "months", $"{context} visits") is { } m ? ReadRange(m.Value, $"{context} visits") : null;
            var every = Require(map, entry, "every", $"{context} visits") is { } e ? ReadPositive(e.Value, $"{context} visits: every") : null;
            if (months is not { } range || every is not { } interval)
            {
                ok = false;
                continue;
            }

            if (phases.Count == 0 && range.After != 0)
            {
                Error(map, $"{context}: the first visit range is {range} but must start at month 0, the start of the plan (a range A-B runs after month A up to month B)");
                ok = false;
            }
            else if (phases.Count > 0 && range.After > phases[^1].Months.Through)
            {
                Error(map, $"{context}: visit months {range} leave a gap after month {phases[^1].Months.Through}, where the range before ends");
                ok = false;
            }
            else if (phases.Count > 0 && range.After < phases[^1].Months.Through)
            {
                Error(map, $"{context}: visit months {range} overlap the range before, {phases[^1].Months}");
                ok = false;
            }

            if (range.Length % interval != 0)
            {
                Error(map, $"{context}: visit months {range} are not a whole number of {interval}-month intervals, so the last visit would not fall on month {range.Through}");
                ok = false;
            }

            phases.Add(new VisitPhase(range, interval));
        }

        return (phases, ok);
    }

    private List<ExamRule>? ReadExamRules(YamlMappingNode body, Dictionary<string, Field> fields, string context, List<ExamDefinition> exams, int lastMonth)
    {
        if (MappingEntries(body, fields, "exams", context, $"{context}: exams must be a list such as '- {{ exam: chest_ct }}'",
            $"{context}: each exams entry needs an exam, e.g. '{{ exam: chest_ct, every: 12 }}'", out var ok) is not { } items)
        {
            return null;
        }

        var rules = new List<ExamRule>();
        var lines = new List<int>();
        foreach (var map in items)
        {
            var entryContext = $"{context} exams";
            var entry = Fields(map, entryContext, ExamRuleKeys);
            string? exam = null;
            if (Require(map, entry, "exam", entryContext) is { } examField)
            {
                var name = (examField.Value as YamlScalarNode)?.Value ?? string.Empty;
                if (exams.Exists(e => e.Name == name))
                {
                    exam = name;
                }
                else
                {
                    Error(examField.Value, $"{context}: unknown exam '{name}'; the file's exams are {string.Join(", ", exams.Select(e => e.Name))}");
                }
            }

            MonthRange? months = null;
            var monthsOk = true;
            if (entry.TryGetValue("months", out var monthsField))
            {
                months = ReadRange(monthsField.Value, entryContext);
                monthsOk = months is not null;
                if (months is { } range && range.Through > lastMonth)
                {
                    Error(monthsField.Value, $"{context}: exam months {range} go past the last visit, month {lastMonth}");
                    monthsOk = false;
                }
            }

            int? every = null;
            var everyOk = true;
            if (entry.TryGetValue("every", out var everyField))
            {
                every = ReadPositive(everyField.Value, $"{entryContext}: every");
                everyOk = every is not null;
            }

            if (exam is null || !monthsOk || !everyOk)
            {
                ok = false;
                continue;
            }

            var rule = new ExamRule(exam, months, every);
            var whole = new MonthRange(0, lastMonth);
            for (var i = 0; i < rules.Count; i++)
            {
                if (rules[i].Exam == exam && (rules[i].Months ?? whole).Overlaps(months ?? whole))
                {
                    Error(map, $"{context}: the rule for exam '{exam}' at months {months ?? whole} overlaps its rule on line {lines[i]} at months {rules[i].Months ?? whole}");
                    ok = false;
                }
            }

            rules.Add(rule);
            lines.Add(LineOf(map));
        }

        return ok ? rules : null;
    }

    private List<PlannedVisit>? PlanVisits(string context, YamlNode examsKey, List<VisitPhase> phases, List<ExamRule> rules, List<ExamDefinition> exams)
    {
        var visits = new List<PlannedVisit>();
        var used = new bool[rules.Count];
        foreach (var phase in phases)
        {
            for (var month = phase.Months.After + phase.EveryMonths; month <= phase.Months.Through; month += phase.EveryMonths)
            {
                var names = new List<string>();
                foreach (var exam in exams)
                {
                    for (var r = 0; r < rules.Count; r++)
                    {
                        if (rules[r].Exam == exam.Name && rules[r].AppliesAt(month))
                        {
                            used[r] = true;
                            if (!names.Contains(exam.Name))
                            {
                                names.Add(exam.Name);
                            }
                        }
                    }
                }

                if (names.Count == 0)
                {
                    Error(examsKey, $"{context}: the visit at month {month} has no exams");
                }

                visits.Add(new PlannedVisit(month, names.AsReadOnly()));
            }
        }

        for (var r = 0; r < rules.Count; r++)
        {
            if (!used[r])
            {
                Error(examsKey, $"{context}: the rule for exam '{rules[r].Exam}' never falls on a visit month");
            }
        }

        return visits.Count > 0 && visits.TrueForAll(v => v.Exams.Count > 0) && Array.TrueForAll(used, u => u) ? visits : null;
    }

    private void CheckRestartProfiles(List<ProfileDraft> profiles)
    {
        foreach (var draft in profiles)
        {
            if (!profiles.Exists(p => p.Profile.Name == draft.Profile.AfterLocalRecurrence))
            {
                Error(draft.RestartLine, $"profile '{draft.Profile.Name}': after_local_recurrence names '{draft.Profile.AfterLocalRecurrence}', which is not a profile in the file");
            }
        }
    }

    private void CheckCoverage(YamlMappingNode root, Dictionary<string, Field> fields, List<ProfileDraft> profiles, List<string> sites)
    {
        var profilesLine = LineOf(fields.TryGetValue("profiles", out var field) ? field.Key : root);
        foreach (var grade in AllGrades)
        {
            foreach (var site in sites)
            {
                var matches = profiles.FindAll(p => p.Profile.AppliesTo(grade, site));
                if (matches.Count == 0)
                {
                    Error(profilesLine, $"profiles: no profile is for grade {SurveillanceInput.Format(grade)} at site {site}");
                }
                else if (matches.Count > 1)
                {
                    Error(matches[1].Line, $"profiles: grade {SurveillanceInput.Format(grade)} at site {site} is in both profile '{matches[0].Profile.Name}' and profile '{matches[1].Profile.Name}'");
                }
            }
        }
    }

    private MonthRange? ReadRange(YamlNode node, string context)
    {
        var text = (node as YamlScalarNode)?.Value ?? string.Empty;
        var match = RangeSyntax().Match(text);
        if (!match.Success)
        {
            Error(node, $"{context}: months '{text}' must be a range A-B of whole months, e.g. 0-36");
            return null;
        }

        var after = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var through = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (through <= after)
        {
            Error(node, $"{context}: months {after}-{through} must end after they start");
            return null;
        }

        return new MonthRange(after, through);
    }

    private int? ReadPositive(YamlNode node, string context)
    {
        var text = (node as YamlScalarNode)?.Value ?? string.Empty;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= 1200)
        {
            return value;
        }

        Error(node, $"{context} '{text}' must be a whole number of months from 1 to 1200");
        return null;
    }

    private Field? Require(YamlNode parent, Dictionary<string, Field> fields, string key, string context)
    {
        if (fields.TryGetValue(key, out var field))
        {
            return field;
        }

        Error(parent, $"{context}: '{key}' is missing");
        return null;
    }

    // The required key's value when it is a non-empty list or mapping of the kind T; null after recording `problem`
    // (or the missing key).
    private T? RequireNonEmpty<T>(YamlNode parent, Dictionary<string, Field> fields, string key, string context, string problem)
        where T : YamlNode
    {
        if (Require(parent, fields, key, context) is not { } field)
        {
            return null;
        }

        var nonEmpty = field.Value switch
        {
            YamlSequenceNode list => list.Children.Count > 0,
            YamlMappingNode map => map.Children.Count > 0,
            _ => false,
        };
        if (field.Value is T value && nonEmpty)
        {
            return value;
        }

        Error(field.Value, problem);
        return null;
    }

    // The entries of the required non-empty list `key` that are mappings; each other entry is the error
    // `entryProblem` and is left out (`allMappings` false). Null, after its error, when the list is missing or empty.
    private List<YamlMappingNode>? MappingEntries(YamlNode parent, Dictionary<string, Field> fields, string key, string context,
        string listProblem, string entryProblem, out bool allMappings)
    {
        allMappings = true;
        if (RequireNonEmpty<YamlSequenceNode>(parent, fields, key, context, listProblem) is not { } list)
        {
            return null;
        }

        var entries = new List<YamlMappingNode>(list.Children.Count);
        foreach (var item in list.Children)
        {
            if (item is YamlMappingNode map)
            {
                entries.Add(map);
            }
            else
            {
                Error(item, entryProblem);
                allMappings = false;
            }
        }

        return entries;
    }

    // The name an exam, site or profile key holds, or null after recording that it is not an identifier.
    private string? IdentifierOf(YamlNode node, string section, string kind)
    {
        var name = (node as YamlScalarNode)?.Value ?? string.Empty;
        if (Identifier().IsMatch(name))
        {
            return name;
        }

        Error(node, $"{section}: '{name}' is not a valid {kind} name (lower-case letters, digits and _ , starting with a letter)");
        return null;
    }

    private Dictionary<string, Field> Fields(YamlMappingNode map, string context, string[] allowed)
    {
        var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (Array.IndexOf(allowed, name) < 0)
            {
                Error(key, $"{context}: unknown key '{name}'; expected {string.Join(", ", allowed)}");
            }
            else if (!fields.TryAdd(name, new Field(key, value)))
            {
                Error(key, $"{context}: '{name}' is given twice");
            }
        }

        return fields;
    }

    private void Error(YamlNode node, string message) => Error(LineOf(node), message);

    private void Error(int line, string message) => errors.Add(new RuleError(source, line, message));

    private static int LineOf(YamlNode node) => LineOf(node.Start);

    private static int LineOf(Mark mark) => (int)Math.Clamp(mark.Line, 1, int.MaxValue);

    private readonly record struct Field(YamlNode Key, YamlNode Value);

    private sealed record ProfileDraft(SurveillanceProfile Profile, int Line, int RestartLine);
}
