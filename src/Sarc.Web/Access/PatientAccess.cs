using System.Text.Json;
using System.Text.Json.Nodes;
using Sarc.Registry.Audit;
using Sarc.Registry.Codes;
using Sarc.Registry.Import;
using Sarc.Registry.LongFormat;
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
/// pseudonymized template cells (birth date blank). Every read is a query of the request's own connection scoped to
/// the user's centers in the database (<see cref="Scope"/>): nothing is cached between requests, so a change committed
/// by anyone (another request, the CLI, another server on the same PostgreSQL) is seen by the next request.
/// </summary>
public sealed class PatientAccess
{
    /// <summary>Records are read in slices of this many (<see cref="Visible"/>, the API's list): bounded memory per read.</summary>
    private const int Slice = 2000;

    private readonly IRegistryStore _store;
    private readonly PlanCache _plans;

    /// <summary>The rights of <paramref name="user"/> over <paramref name="store"/>; <paramref name="plans"/> is shared by an app's requests (null: a private one).</summary>
    public PatientAccess(IRegistryStore store, WebUser user, PlanCache? plans = null)
    {
        _store = store;
        User = user;
        _plans = plans ?? new PlanCache();
    }

    /// <summary>The user whose rights apply.</summary>
    public WebUser User { get; }

    /// <summary>The patients the user may see, as a filter the database applies: every center for an admin, else the user's centers.</summary>
    public PatientFilter Scope => new(Centers: User.Role == UserRole.Admin ? null : User.Centers);

    /// <summary>Every patient the user may see, ordered by id (whole records: for a study run).</summary>
    public IReadOnlyList<PatientRecord> Visible() => [.. Stream()];

    /// <summary>
    /// Every patient the user may see, ordered by id, and the head of the registry's audit chain they were read at: a
    /// study report's provenance. The slices are read between two readings of the head; a write committed in between
    /// reads again (at most three times; a registry written to that often gets the later head).
    /// </summary>
    public (IReadOnlyList<PatientRecord> Patients, AuditHead? AuditHead) VisibleWithAuditHead()
    {
        for (var attempt = 1; ; attempt++)
        {
            var before = _store.AuditHead();
            var patients = Visible();
            var after = _store.AuditHead();
            if (after == before || attempt == 3)
            {
                return (patients, after);
            }
        }
    }

    /// <summary>Every patient the user may see, ordered by id, read a slice at a time.</summary>
    public IEnumerable<PatientRecord> Stream()
    {
        string? after = null;
        while (true)
        {
            var slice = _store.LoadPatients(Scope, after, Slice);
            foreach (var record in slice)
            {
                yield return record;
            }
            if (slice.Count < Slice)
            {
                yield break;
            }
            after = slice[^1].Id;
        }
    }

    /// <summary>How many patients the user may see.</summary>
    public int CountVisible() => _store.FindPatients(Scope, 0, 0).Total;

    /// <summary>The centers the user may see that have patients (for the filters' choices).</summary>
    public IReadOnlyList<string> Centers() => [.. _store.Centers().Where(User.SeesCenter)];

    /// <summary>The visible patients matching <paramref name="query"/>, one page of them, filtered, counted and paged by the database.</summary>
    public PatientPage Search(PatientQuery query)
    {
        var size = Math.Clamp(query.PageSize, 1, 500);
        var page = Math.Max(1, query.Page);
        var skip = (long)(page - 1) * size;
        var filter = Scope with { IdContains = query.IdContains, Center = query.Center };
        // A site or grade that is no code matches nothing (as comparing codes did).
        if (!string.IsNullOrEmpty(query.Site))
        {
            filter = RegistryCodes.Site.TryParse(query.Site, out var site) && RegistryCodes.Site.Code(site) == query.Site ? filter with { Site = site } : filter with { Centers = [] };
        }
        if (!string.IsNullOrEmpty(query.Grade))
        {
            filter = RegistryCodes.Grade.TryParse(query.Grade, out var grade) && RegistryCodes.Grade.Code(grade) == query.Grade ? filter with { Grade = grade } : filter with { Centers = [] };
        }
        if (skip > int.MaxValue)
        {
            return new PatientPage([], _store.FindPatients(filter, 0, 0).Total, page, size);
        }
        var found = _store.FindPatients(filter, (int)skip, size);
        return new PatientPage(found.Patients, found.Total, page, size);
    }

    /// <summary>The patient <paramref name="patientId"/> when it exists and the user may see it; otherwise null.</summary>
    public PatientRecord? Find(string patientId)
    {
        var record = _store.LoadPatient(patientId);
        return record is not null && User.SeesCenter(record.Patient.Center) ? record : null;
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
    /// <remarks>
    /// With <paramref name="openedVersion"/> (the <see cref="PatientRecord.Version"/> the form was opened at), a patient
    /// changed since is refused (<see cref="ImportErrorKind.ChangedSinceOpened"/>) instead of overwritten.
    /// </remarks>
    /// <exception cref="UnauthorizedAccessException">The user is an investigator.</exception>
    public ImportResult? Edit(string patientId, IReadOnlyDictionary<string, string> cells, string reason, TimeProvider clock, int? openedVersion = null)
    {
        RequireWriter();
        if (Find(patientId) is null)
        {
            return null;
        }
        var values = FromForm(cells);
        values[TemplateColumns.PatientId] = patientId;
        return Save(values, update: true, reason, clock, openedVersion);
    }

    /// <summary>
    /// Adds an entry to a list of a visible patient: <paramref name="cells"/> are the <paramref name="file"/> row's
    /// cells after <c>patient_id</c>, read by <see cref="EntryForm"/> with the import's rules (no date after today by
    /// <paramref name="clock"/>) and checked against the stored entries by the store's import, in one transaction
    /// audited with the required <paramref name="reason"/>. Errors name line 2 of <paramref name="source"/> (the form).
    /// </summary>
    /// <returns>Null when the patient is not visible; otherwise the import result (errors: nothing changed).</returns>
    /// <remarks>
    /// With <paramref name="openedVersion"/> (the <see cref="PatientRecord.Version"/> the form was opened at), a patient
    /// changed since is refused (<see cref="ImportErrorKind.ChangedSinceOpened"/>) instead of added to.
    /// </remarks>
    /// <exception cref="UnauthorizedAccessException">The user is an investigator.</exception>
    public ImportResult? AddEntry(string patientId, LongFile file, IReadOnlyList<string> cells, string reason, TimeProvider clock, string source, int? openedVersion = null)
    {
        RequireWriter();
        if (Find(patientId) is null)
        {
            return null;
        }
        if (Reason(reason) is not { } why)
        {
            return ReasonRequired;
        }
        var (entry, errors) = EntryForm.Parse(file, [patientId, .. cells], Today(clock), source);
        return entry is null ? ImportResult.Failed(errors)
            : _store.Import(new ImportBatch([], [new ImportAddition(patientId, entry, source, 2, openedVersion)]), update: true, new AuditContext(User.Email, clock, why), null);
    }

    /// <summary>
    /// Replaces entry <paramref name="index"/> (0-based, the record's order) of a list of a visible patient by the
    /// entry of <paramref name="cells"/> (as <see cref="AddEntry"/>), or removes it when <paramref name="cells"/> is
    /// null, with every rule of the patient's record checked (<see cref="EntryForm.Change"/>), audited with the
    /// required <paramref name="reason"/>.
    /// </summary>
    /// <returns>Null when the patient is not visible or has no such entry; otherwise the import result (errors: nothing changed).</returns>
    /// <remarks>
    /// The record is rebuilt from the one read here and refused by the store if the patient changed since; with
    /// <paramref name="openedVersion"/> (the <see cref="PatientRecord.Version"/> the form was opened at) also if it
    /// changed since the form was opened (<see cref="ImportErrorKind.ChangedSinceOpened"/>): entry
    /// <paramref name="index"/> may then be another entry than the one the user saw.
    /// </remarks>
    /// <exception cref="UnauthorizedAccessException">The user is an investigator.</exception>
    public ImportResult? ChangeEntry(string patientId, LongFile file, int index, IReadOnlyList<string>? cells, string reason, TimeProvider clock, string source, int? openedVersion = null)
    {
        RequireWriter();
        if (Find(patientId) is not { } stored || index < 0 || index >= LongFormatWriter.RowsOf(stored, file).Count())
        {
            return null;
        }
        if (Reason(reason) is not { } why)
        {
            return ReasonRequired;
        }
        var (record, errors) = EntryForm.Change(stored, file, index, cells is null ? null : [patientId, .. cells], Today(clock), source);
        return record is null ? ImportResult.Failed(errors)
            // The whole record is rebuilt from the one read here: refused if the patient changed since that read, or since
            // the form was opened (a form opened before that read names an older version, which the store then refuses).
            : _store.Import([new ImportRow(2, record, File: source, OpenedVersion: openedVersion ?? stored.Version)], update: true, new AuditContext(User.Email, clock, why), null);
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

    /// <summary>The worklist of the visible patients: the due list and, apart, those lost to follow-up; <paramref name="center"/> keeps one center.</summary>
    /// <remarks>Computed once per data version for all users of the same centers (<see cref="PlanCache.Worklist"/>).</remarks>
    public Worklist Worklist(DateOnly asOf, int withinDays, RuleSet rules, string? center = null) =>
        _plans.Worklist(_store, PlannedCenters(center), rules, asOf, withinDays);

    /// <summary>
    /// The planner's records of the visible patients (of <paramref name="center"/> only, when given), ordered by id:
    /// from the registry's narrow summary query, kept per center while the data version stands (<see cref="PlanCache"/>).
    /// </summary>
    private IReadOnlyList<SurveillancePatient> Planned(string? center) => _plans.Patients(_store, PlannedCenters(center));

    /// <summary>The centers of the worklist: <paramref name="center"/> when given (none when the user does not see it), else the user's (admin: null, every center).</summary>
    private IReadOnlyCollection<string>? PlannedCenters(string? center) =>
        center is not null ? (User.SeesCenter(center) ? [center] : [])
        : User.Role == UserRole.Admin ? null : User.Centers;

    /// <summary>
    /// The worklist's visits as calendar entries: for each patient due (<see cref="Worklist"/>'s due list), that next visit as scheduled
    /// (profile, month after surgery or local recurrence, exams), of <paramref name="center"/> only when given, for <see cref="Sarc.Surveillance.Calendar.IcsCalendarWriter"/>.
    /// </summary>
    public IReadOnlyList<PatientVisit> DueVisits(DateOnly asOf, int withinDays, RuleSet rules, string? center = null)
    {
        var planner = new SurveillancePlanner(rules);
        var byId = new Dictionary<string, SurveillancePatient>(StringComparer.Ordinal);
        foreach (var patient in Planned(center))
        {
            byId[patient.PatientId] = patient;
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
    private ImportResult Save(string[] cells, bool update, string reason, TimeProvider clock, int? openedVersion = null)
    {
        if (Reason(reason) is not { } why)
        {
            return ReasonRequired;
        }
        var parsed = TemplateParser.ParseRow(cells, "web form");
        if (openedVersion is not null)
        {
            parsed = parsed with { Rows = [.. parsed.Rows.Select(r => r with { OpenedVersion = openedVersion })] };
        }
        return Write(parsed, update, new AuditContext(User.Email, clock, why), source: null);
    }

    /// <summary>The reason as one line, or null when there is none.</summary>
    private static string? Reason(string? reason) => OneLine(reason) is { Length: > 0 } line ? line : null;

    private static readonly ImportResult ReasonRequired = ImportResult.Failed([new ImportError(2, "reason", "a reason for the change is required")]);

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The center rule on top of the import's own validation, then the store's all-or-nothing import.</summary>
    private ImportResult Write(TemplateParseResult parsed, bool update, AuditContext audit, ImportSource? source)
    {
        if (!parsed.IsValid)
        {
            return ImportResult.Failed([.. parsed.Errors.OrderBy(e => e.Line)]);
        }
        var errors = new List<ImportError>();
        foreach (var row in parsed.Rows)
        {
            var center = row.Record.Patient.Center;
            if (!User.SeesCenter(center))
            {
                errors.Add(new ImportError(row.Line, "center", $"'{center}' is not one of your centers"));
            }
            else if (_store.CenterOf(row.Record.Id) is { } existing && !User.SeesCenter(existing))
            {
                // Same wording as a clash the user could see, so an id of another center is not confirmed either way.
                errors.Add(new ImportError(row.Line, "patient_id", $"'{row.Record.Id}' cannot be used"));
            }
        }
        // The store checks the centers again inside its transaction, against the registry as it is then.
        var batch = ImportBatch.Of(parsed.Rows) with { WritableCenters = User.Role == UserRole.Admin ? null : new HashSet<string>(User.Centers, StringComparer.Ordinal) };
        return errors.Count > 0 ? ImportResult.Failed(errors) : _store.Import(batch, update, audit, source);
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
}
