using System.Text.Json;
using System.Text.Json.Nodes;
using Sarc.Registry.Audit;
using Sarc.Registry.Domain;
using Sarc.Registry.Storage;
using Sarc.Registry.Template;
using Sarc.Surveillance;
using Sarc.Surveillance.Rules;
using Sarc.Registry.Accounts;
using Sarc.Web.Accounts;
using Sarc.Web.Hosting;

namespace Sarc.Web.Access;

/// <summary>
/// The one place where a user's rights meet the registry: every page and API endpoint reads and writes patients only
/// through this class. A user sees only patients of their centers (admin: all); a patient outside them is reported as
/// absent (null), never as forbidden, so its existence is not revealed. Investigators never write and get
/// pseudonymized template cells (birth date blank).
/// </summary>
public sealed class PatientAccess
{
    private readonly IRegistryStore _store;
    private readonly PatientCache _cache;

    /// <summary>The rights of <paramref name="user"/> over <paramref name="store"/>; <paramref name="cache"/> is shared by an app's requests (null: a private one).</summary>
    public PatientAccess(IRegistryStore store, WebUser user, PatientCache? cache = null)
    {
        _store = store;
        User = user;
        _cache = cache ?? new PatientCache();
    }

    /// <summary>The user whose rights apply.</summary>
    public WebUser User { get; }

    /// <summary>Every patient the user may see, ordered by id.</summary>
    public IReadOnlyList<PatientRecord> Visible()
    {
        var all = _cache.Get(_store).All;
        if (User.Role == UserRole.Admin)
        {
            return all;
        }
        var visible = new List<PatientRecord>(all.Count);
        foreach (var record in all)
        {
            if (User.SeesCenter(record.Patient.Center))
            {
                visible.Add(record);
            }
        }
        return visible;
    }

    /// <summary>The visible patients matching <paramref name="query"/>, one page of them.</summary>
    public PatientPage Search(PatientQuery query)
    {
        var matches = new List<PatientRecord>();
        foreach (var record in Visible())
        {
            if (Matches(record, query))
            {
                matches.Add(record);
            }
        }
        var size = Math.Clamp(query.PageSize, 1, 500);
        var page = Math.Max(1, query.Page);
        var skip = (long)(page - 1) * size;
        var slice = skip >= matches.Count ? [] : matches.GetRange((int)skip, Math.Min(size, matches.Count - (int)skip));
        return new PatientPage(slice, matches.Count, page, size);
    }

    /// <summary>The patient <paramref name="patientId"/> when it exists and the user may see it; otherwise null.</summary>
    public PatientRecord? Find(string patientId)
    {
        return _cache.Get(_store).ById.TryGetValue(patientId, out var record) && User.SeesCenter(record.Patient.Center) ? record : null;
    }

    /// <summary>The template cells of <paramref name="record"/> as this user may see them: identifying cells (birth date) blank for investigators.</summary>
    public string[] Cells(PatientRecord record)
    {
        var cells = TemplateCells.Of(record);
        if (!User.SeesIdentifiers)
        {
            foreach (var column in IdentifyingColumns)
            {
                cells[column] = "";
            }
        }
        return cells;
    }

    /// <summary>
    /// Validates and imports a template file all or nothing, as <c>sarc import</c>, plus the access rule: every row's
    /// center must be one of the user's (an error naming the line otherwise). With <paramref name="update"/> existing
    /// patients are changed field by field and audited; a patient of another center is never touched.
    /// <paramref name="reason"/> (optional here) goes into every audit record.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The user is an investigator.</exception>
    /// <exception cref="Sarc.Data.DataInputException">The file cannot be read at all (the message names it <paramref name="sourceName"/>).</exception>
    public ImportResult Import(string templatePath, string sourceName, bool update, TimeProvider clock, string? reason = null)
    {
        RequireWriter();
        TemplateParseResult parsed;
        try
        {
            parsed = TemplateParser.ParseFile(templatePath);
        }
        catch (Sarc.Data.DataInputException e)
        {
            // The file is a temporary copy on the server: its path means nothing to the user and is not theirs to see.
            throw new Sarc.Data.DataInputException(e.Message.Replace(templatePath, sourceName, StringComparison.Ordinal));
        }
        reason = OneLine(reason);
        return Write(parsed, update, new AuditContext(User.Email, clock, reason.Length == 0 ? null : reason), ImportSource.OfFile(templatePath) with { FileName = sourceName });
    }

    /// <summary>
    /// Changes a visible patient from edited template cells, with exactly the import's validation and messages, in one
    /// audited transaction (one audit record per changed field, each with the required <paramref name="reason"/>).
    /// The patient id cannot change; a missing cell counts as empty.
    /// </summary>
    /// <returns>Null when the patient is not visible; otherwise the import result (errors: nothing changed).</returns>
    /// <exception cref="UnauthorizedAccessException">The user is an investigator.</exception>
    public ImportResult? Edit(string patientId, IReadOnlyDictionary<string, string> cells, string reason, TimeProvider clock)
    {
        RequireWriter();
        if (Find(patientId) is null)
        {
            return null;
        }
        var values = FromForm(cells);
        values[TemplateColumns.PatientId] = patientId;
        return Save(values, update: true, reason, clock);
    }

    /// <summary>
    /// Records an event of a visible patient on <paramref name="date"/> (ISO text, validated as the import does; for a
    /// death also <paramref name="cause"/>, a template code or empty), moving the last follow-up forward to it (see
    /// <see cref="PatientEvent"/>), audited with <paramref name="reason"/> (required) in one transaction.
    /// </summary>
    /// <returns>Null when the patient is not visible; otherwise the import result (errors: nothing changed).</returns>
    /// <exception cref="UnauthorizedAccessException">The user is an investigator.</exception>
    public ImportResult? RecordEvent(string patientId, PatientEvent kind, string date, string? cause, string reason, TimeProvider clock)
    {
        RequireWriter();
        var record = Find(patientId);
        if (record is null)
        {
            return null;
        }
        var cells = TemplateCells.Of(record);
        date = date.Trim();
        var column = kind switch
        {
            PatientEvent.LocalRecurrence => TemplateColumns.LrDate,
            PatientEvent.DistantMetastasis => TemplateColumns.DmDate,
            PatientEvent.Death => TemplateColumns.DeathDate,
            _ => TemplateColumns.LastFollowUpDate,
        };
        cells[column] = date;
        if (kind == PatientEvent.Death)
        {
            cells[TemplateColumns.DeathCause] = cause?.Trim() ?? "";
            cells[TemplateColumns.LastFollowUpDate] = date;
        }
        else if (kind != PatientEvent.LastFollowUp && TemplateCodes.TryDate(date, out var on) && on > TemplateCells.LastFollowUp(record))
        {
            cells[TemplateColumns.LastFollowUpDate] = date;
        }
        return Save(cells, update: true, reason, clock);
    }

    /// <summary>
    /// Adds a new patient from template cells (every import rule, the center one of the user's, the id not yet used),
    /// audited with the required <paramref name="reason"/>.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The user is an investigator.</exception>
    public ImportResult Add(IReadOnlyDictionary<string, string> cells, string reason, TimeProvider clock)
    {
        RequireWriter();
        return Save(FromForm(cells), update: false, reason, clock);
    }

    /// <summary>
    /// The audit trail of a visible patient, or null when the patient is not visible. For a user who does not see
    /// identifiers, the values of identifying columns are replaced by <see cref="Hidden"/>: a change of the birth date
    /// shows that it changed, not from what to what, and a whole-record insert or delete leaves the birth date out.
    /// </summary>
    public IReadOnlyList<AuditEntry>? Audit(string patientId)
    {
        if (Find(patientId) is null)
        {
            return null;
        }
        var entries = _store.ReadAudit(patientId);
        return User.SeesIdentifiers ? entries : [.. entries.Select(Pseudonymized)];
    }

    /// <summary>What stands for an identifying value a user may not see.</summary>
    public const string Hidden = "(hidden)";

    /// <summary>The template columns that identify a patient (the full birth date); investigators never see their values.</summary>
    public static readonly IReadOnlyList<int> IdentifyingColumns = [TemplateColumns.BirthDate];

    /// <summary>Surveillance visits due (or overdue) up to <paramref name="withinDays"/> after <paramref name="asOf"/>, visible patients only.</summary>
    public IReadOnlyList<DueVisit> Due(DateOnly asOf, int withinDays, RuleSet rules) =>
        new SurveillancePlanner(rules).DueList(Visible().Select(ToSurveillance), asOf, withinDays);

    /// <summary>The worklist of the visible patients: the due list and, apart, those lost to follow-up; <paramref name="center"/> keeps one center.</summary>
    public Worklist Worklist(DateOnly asOf, int withinDays, RuleSet rules, string? center = null) =>
        new SurveillancePlanner(rules).Worklist(Visible().Select(ToSurveillance), asOf, withinDays, center);

    /// <summary>
    /// The worklist's visits as calendar entries: for each patient of <see cref="Due"/>, that next visit as scheduled
    /// (profile, month after surgery or local recurrence, exams), for <see cref="Sarc.Surveillance.Calendar.IcsCalendarWriter"/>.
    /// </summary>
    public IReadOnlyList<PatientVisit> DueVisits(DateOnly asOf, int withinDays, RuleSet rules)
    {
        var planner = new SurveillancePlanner(rules);
        var byId = new Dictionary<string, SurveillancePatient>(StringComparer.Ordinal);
        foreach (var record in Visible())
        {
            byId[record.Id] = ToSurveillance(record);
        }
        var visits = new List<PatientVisit>();
        foreach (var due in planner.DueList(byId.Values, asOf, withinDays))
        {
            ScheduledVisit? scheduled = null;
            foreach (var v in planner.Schedule(byId[due.PatientId]).Visits)
            {
                if (v.Date == due.NextVisit && v.Profile == due.Profile)
                {
                    scheduled = v;
                    break;
                }
            }
            // A local recurrence dated after as_of does not restart the worklist's plan yet, but does the full
            // schedule's; the due visit itself is then the entry (its month is not known from the restarted plan).
            visits.Add(new PatientVisit(due.PatientId, scheduled ?? new ScheduledVisit(due.NextVisit, due.Profile, 0, false, due.Exams)));
        }
        return visits;
    }

    /// <summary>The surveillance schedule of a visible patient (restarted by a local recurrence).</summary>
    public static SurveillanceSchedule Schedule(PatientRecord record, RuleSet rules) =>
        new SurveillancePlanner(rules).Schedule(ToSurveillance(record));

    /// <summary>Maps a registry patient onto the planner's input (<see cref="RegistryPatients"/>, the one mapping).</summary>
    public static SurveillancePatient ToSurveillance(PatientRecord record) => RegistryPatients.From(record);

    private void RequireWriter()
    {
        if (!User.CanWrite)
        {
            throw new UnauthorizedAccessException("investigators cannot change the registry");
        }
    }

    /// <summary>One form record through the import's validation, with a required reason; errors are on line 2.</summary>
    private ImportResult Save(string[] cells, bool update, string reason, TimeProvider clock)
    {
        reason = OneLine(reason);
        if (reason.Length == 0)
        {
            return ImportResult.Failed([new ImportError(2, "reason", "a reason for the change is required")]);
        }
        return Write(TemplateParser.ParseRow(cells, "web form"), update, new AuditContext(User.Email, clock, reason), source: null);
    }

    /// <summary>The center rule on top of the import's own validation, then the store's all-or-nothing import.</summary>
    private ImportResult Write(TemplateParseResult parsed, bool update, AuditContext audit, ImportSource? source)
    {
        if (!parsed.IsValid)
        {
            return ImportResult.Failed([.. parsed.Errors.OrderBy(e => e.Line)]);
        }
        var errors = new List<ImportError>();
        var byId = _cache.Get(_store).ById;
        foreach (var row in parsed.Rows)
        {
            var center = row.Record.Patient.Center;
            if (!User.SeesCenter(center))
            {
                errors.Add(new ImportError(row.Line, "center", $"'{center}' is not one of your centers"));
            }
            else if (byId.TryGetValue(row.Record.Id, out var existing) && !User.SeesCenter(existing.Patient.Center))
            {
                // Same wording as a clash the user could see, so an id of another center is not confirmed either way.
                errors.Add(new ImportError(row.Line, "patient_id", $"'{row.Record.Id}' cannot be used"));
            }
        }
        return errors.Count > 0 ? ImportResult.Failed(errors) : _store.Import(parsed.Rows, update, audit, source);
    }

    private static string[] FromForm(IReadOnlyDictionary<string, string> cells)
    {
        var values = new string[TemplateColumns.Count];
        for (var c = 0; c < TemplateColumns.Count; c++)
        {
            values[c] = cells.TryGetValue(TemplateColumns.Names[c], out var v) ? v : "";
        }
        return values;
    }

    /// <summary>An audit entry without identifying values: a field change shows <see cref="Hidden"/>, a record's JSON loses those keys.</summary>
    private static AuditEntry Pseudonymized(AuditEntry entry)
    {
        if (entry.Field is { } field)
        {
            var identifying = IdentifyingColumns.Any(c => TemplateColumns.Names[c] == field);
            return identifying ? entry with { OldValue = entry.OldValue is null ? null : Hidden, NewValue = entry.NewValue is null ? null : Hidden } : entry;
        }
        return entry with { OldValue = WithoutIdentifiers(entry.OldValue), NewValue = WithoutIdentifiers(entry.NewValue) };
    }

    private static string? WithoutIdentifiers(string? recordJson)
    {
        if (recordJson is null)
        {
            return null;
        }
        try
        {
            if (JsonNode.Parse(recordJson) is JsonObject record)
            {
                foreach (var column in IdentifyingColumns)
                {
                    record.Remove(TemplateColumns.Names[column]);
                }
                return record.ToJsonString(Sarc.Registry.Json.SarcJson.Serializer);
            }
        }
        catch (JsonException)
        {
        }
        // Not the record JSON the store writes: show nothing rather than something that might identify.
        return Hidden;
    }

    private static string OneLine(string? text) => (text ?? "").Trim().ReplaceLineEndings(" ");

    private static bool Matches(PatientRecord record, PatientQuery query)
    {
        if (!string.IsNullOrEmpty(query.IdContains) && !record.Id.Contains(query.IdContains, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (!string.IsNullOrEmpty(query.Center) && !string.Equals(record.Patient.Center, query.Center, StringComparison.Ordinal))
        {
            return false;
        }
        if (!string.IsNullOrEmpty(query.Site) && TemplateCodes.Code(record.Tumor.Site) != query.Site)
        {
            return false;
        }
        return string.IsNullOrEmpty(query.Grade) || TemplateCodes.Code(record.Tumor.Grade) == query.Grade;
    }
}
