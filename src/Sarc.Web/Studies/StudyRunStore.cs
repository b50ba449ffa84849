using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sarc.Registry.Audit;
using Sarc.Registry.Domain;
using Sarc.Registry.Template;
using Sarc.Studies.Definitions;
using Sarc.Studies.Reports;
using Sarc.Studies.Running;
using Sarc.Registry.Accounts;
using Sarc.Web.Accounts;

namespace Sarc.Web.Studies;

/// <summary>
/// Runs studies for web users and keeps their reports in the server's working folder, one sub-folder per run:
/// <c>RUN/run.json</c> (owner, study, time, patients) and <c>RUN/report/</c> (the report). The patients are exported
/// through the registry's template writer and loaded as <c>sarc study run</c> loads a registry, so the numbers are the
/// CLI's; the export is deleted once loaded and is never served. Runs happen one at a time (each takes a few seconds
/// of CPU), and a run is visible only to its owner.
/// </summary>
public sealed partial class StudyRunStore
{
    private const string MetadataFile = "run.json";
    private const string ReportSubfolder = "report";

    /// <summary>How analysis messages name the dataset of a run (in place of the deleted export's path).</summary>
    public const string DatasetName = "registry export of your patients";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".csv"] = "text/csv; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        // A model analysis's model file (docs/models.md).
        [".yaml"] = "application/yaml; charset=utf-8",
    };

    private readonly string _root;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>A store in <paramref name="root"/> (created on first run, readable by the server's user only).</summary>
    public StudyRunStore(string root, TimeProvider clock)
    {
        _root = Path.GetFullPath(root);
        _clock = clock;
    }

    /// <summary>
    /// Runs <paramref name="study"/> on <paramref name="patients"/> (the caller passes only the patients
    /// <paramref name="user"/> may see, as of the registry's audit chain head <paramref name="auditHead"/>) and writes its
    /// report, whose provenance states that position; returns the finished run.
    /// </summary>
    /// <exception cref="Sarc.Data.DataInputException">The exported patients cannot be turned into the study dataset.</exception>
    public async Task<StudyRun> RunAsync(StudyDefinition study, IReadOnlyList<PatientRecord> patients, AuditHead? auditHead, WebUser user, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var id = RandomNumberGenerator.GetHexString(32, lowercase: true);
            var folder = Path.Combine(_root, id);
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(_root);
            }
            else
            {
                // Reports hold patient-level figures (at-risk ticks): only the server's account may read them.
                Directory.CreateDirectory(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            Directory.CreateDirectory(folder);
            var started = _clock.GetUtcNow();
            // Messages name the dataset's source: the user's patients, not a path on the server.
            var dataset = StudyData.FromRecords(patients, DatasetName);
            var snapshot = new DataSnapshot(DatasetName, StudyData.CanonicalSha256(patients), auditHead, patients.Count);
            var result = StudyRunner.Run(study, dataset);
            var report = Path.Combine(folder, ReportSubfolder);
            var scope = user.Role == UserRole.Admin ? "all centers" : "centers " + string.Join(", ", user.Centers);
            HtmlReport.Write(report, [result], $"{patients.Count} patients visible to {user.Email} ({scope}), run {started:yyyy-MM-dd HH:mm} UTC.",
                new ReportOptions { Provenance = Provenance.Create($"web user {user.Email}", snapshot, _clock) });
            var run = new StudyRun(id, user.Email, study.Id, study.Title, started, patients.Count, report);
            // Written last: a folder without run.json is an unfinished or failed run and is never served.
            File.WriteAllText(Path.Combine(folder, MetadataFile), JsonSerializer.Serialize(new Metadata(run.Owner, run.StudyId, run.StudyTitle, run.Started, run.Patients), Sarc.Registry.Json.SarcJson.Serializer));
            return run;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>The local URL of <paramref name="run"/>'s report, <c>/studies/runs/{id}/</c> (the trailing slash lets the report's relative links work).</summary>
    public static string Url(StudyRun run) => "/studies/runs/" + run.Id + "/";

    /// <summary>The run <paramref name="runId"/> when it exists, is finished and belongs to <paramref name="user"/>; otherwise null (also for a malformed id).</summary>
    public StudyRun? Find(string runId, WebUser user)
    {
        if (!RunId().IsMatch(runId))
        {
            return null;
        }
        var run = Read(Path.Combine(_root, runId));
        return run is not null && string.Equals(run.Owner, user.Email, StringComparison.OrdinalIgnoreCase) ? run : null;
    }

    /// <summary>The runs of <paramref name="user"/>, newest first.</summary>
    public IReadOnlyList<StudyRun> Of(WebUser user)
    {
        var runs = new List<StudyRun>();
        if (Directory.Exists(_root))
        {
            foreach (var folder in Directory.EnumerateDirectories(_root))
            {
                if (RunId().IsMatch(Path.GetFileName(folder)) && Read(folder) is { } run && string.Equals(run.Owner, user.Email, StringComparison.OrdinalIgnoreCase))
                {
                    runs.Add(run);
                }
            }
        }
        runs.Sort((a, b) => b.Started.CompareTo(a.Started));
        return runs;
    }

    /// <summary>
    /// The path and content type of report file <paramref name="name"/> of <paramref name="run"/>, or null when the name
    /// is not a plain file name of the report (no folders, no leading dot) with a report extension (html, svg, png,
    /// csv, json, yaml), or no such file exists.
    /// </summary>
    public static (string Path, string ContentType)? ReportFile(StudyRun run, string name)
    {
        if (!FileName().IsMatch(name) || !ContentTypes.TryGetValue(Path.GetExtension(name), out var type))
        {
            return null;
        }
        var path = Path.Combine(run.ReportFolder, name);
        return File.Exists(path) ? (path, type) : null;
    }

    private static StudyRun? Read(string folder)
    {
        var path = Path.Combine(folder, MetadataFile);
        if (!File.Exists(path))
        {
            return null;
        }
        var meta = JsonSerializer.Deserialize<Metadata>(File.ReadAllText(path), Sarc.Registry.Json.SarcJson.Serializer);
        return meta is null ? null : new StudyRun(Path.GetFileName(folder), meta.Owner, meta.StudyId, meta.StudyTitle, meta.Started, meta.Patients, Path.Combine(folder, ReportSubfolder));
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex RunId();

    // One path segment of letters, digits, '.', '_', '-', not starting with a dot: no way out of the report folder.
    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,200}$")]
    private static partial Regex FileName();

    private sealed record Metadata(string Owner, string StudyId, string StudyTitle, DateTimeOffset Started, int Patients);
}
