using System.Buffers;
using System.Data;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Sarc.Data;
using Sarc.Registry.Audit;
using Sarc.Registry.Domain;
using Sarc.Registry.Template;
using C = Sarc.Registry.Template.TemplateColumns;

namespace Sarc.Registry.Storage;

/// <summary>
/// The store logic shared by SQLite and PostgreSQL: plain ADO.NET with the SQL written here, prepared commands reused
/// across rows, one transaction per change. Subclasses supply the connection and turn their provider's failures into
/// one-line <see cref="DataInputException"/>s.
/// </summary>
internal abstract class SqlRegistryStore : IRegistryStore
{
    private static readonly string[] EntityOfColumn = BuildEntityOfColumn();

    protected SqlRegistryStore(DbConnection connection, string description)
    {
        Connection = connection;
        Description = description;
    }

    public string Description { get; }

    public int SchemaVersion { get; private set; }

    protected DbConnection Connection { get; }

    /// <summary>Which migration SQL to run.</summary>
    protected abstract bool IsPostgres { get; }

    /// <summary>The user-facing form of a database failure, or null when it is a bug that should surface as is.</summary>
    protected abstract DataInputException? Translate(Exception exception);

    public void Dispose() => Connection.Dispose();

    /// <summary>Brings a newly opened store's schema up to date; on failure the store is disposed, so no connection is left open.</summary>
    protected static TStore Initialized<TStore>(TStore store) where TStore : SqlRegistryStore
    {
        try
        {
            store.Initialize();
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }

    /// <summary>Opens the connection and brings the schema up to <see cref="Migrations.Latest"/>.</summary>
    private void Initialize() => Guard(() =>
    {
        if (Connection.State != ConnectionState.Open)
        {
            Connection.Open();
        }
        OnOpened();
        Migrate();
        return 0;
    });

    /// <summary>Per-connection settings (pragmas).</summary>
    protected virtual void OnOpened()
    {
    }

    /// <summary>
    /// Runs <paramref name="action"/> on this store's open connection, with the store's translation of database failures:
    /// for what shares the registry's database and migrations (the account tables, <see cref="Accounts.UserStore"/>).
    /// </summary>
    internal T OnConnection<T>(Func<DbConnection, T> action) => Guard(() => action(Connection));

    protected T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    private void Migrate()
    {
        Execute(null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var current = 0;
        using (var command = Create(null, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"))
        {
            current = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        if (current > Migrations.Latest)
        {
            throw new DataInputException(
                $"{Description}: registry schema version {current} is newer than this sarc knows ({Migrations.Latest}); update sarc");
        }
        foreach (var migration in Migrations.All)
        {
            if (migration.Version <= current)
            {
                continue;
            }
            using var tx = Connection.BeginTransaction();
            Execute(tx, IsPostgres ? migration.Postgres : migration.Sqlite);
            using var record = Create(tx, "INSERT INTO schema_migrations (version, description, applied_at) VALUES (@v, @d, @a)",
                ("@v", DbType.Int32), ("@d", DbType.String), ("@a", DbType.String));
            record.Parameters[0].Value = migration.Version;
            record.Parameters[1].Value = migration.Description;
            record.Parameters[2].Value = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            record.ExecuteNonQuery();
            tx.Commit();
            current = migration.Version;
        }
        SchemaVersion = current;
    }

    /// <summary>Patients between two progress reports: often enough for a terminal, rare enough to cost nothing.</summary>
    private const int ProgressEvery = 500;

    public int CountPatients() => Guard(() =>
    {
        using var command = Create(null, "SELECT COUNT(*) FROM patient");
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    });

    public ImportResult Import(IReadOnlyList<ImportRow> rows, bool update, AuditContext audit, ImportSource? source, IProgress<ImportProgress>? progress = null) => Guard(() =>
    {
        using var tx = Connection.BeginTransaction();
        var existing = ExistingIds(tx);
        var errors = new List<ImportError>();
        var toUpdate = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (existing.Contains(row.Record.Id))
            {
                if (update)
                {
                    toUpdate.Add(row.Record.Id);
                }
                else
                {
                    errors.Add(new ImportError(row.Line, "patient_id", $"'{row.Record.Id}' is already in the registry (use --update to change it)"));
                }
            }
        }
        if (errors.Count > 0)
        {
            tx.Rollback();
            return ImportResult.Failed(errors);
        }
        var old = toUpdate.Count == 0 ? new Dictionary<string, PatientRecord>() : LoadCore(tx, toUpdate);
        using var writer = new RowWriter(this, tx, audit, source);
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var record = row.Record;
            if (old.TryGetValue(record.Id, out var before))
            {
                if (writer.Update(before, record))
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }
            else
            {
                writer.Insert(record);
                inserted++;
            }
            if (progress is not null && (inserted + updated + unchanged) % ProgressEvery == 0)
            {
                progress.Report(new ImportProgress("writing", inserted + updated + unchanged, rows.Count));
            }
        }
        progress?.Report(new ImportProgress("writing", rows.Count, rows.Count));
        FlushRows(tx);
        tx.Commit();
        return new ImportResult(inserted, updated, unchanged, []);
    });

    public bool DeletePatient(string patientId, AuditContext audit) => Guard(() =>
    {
        using var tx = Connection.BeginTransaction();
        var records = LoadCore(tx, new HashSet<string>(StringComparer.Ordinal) { patientId });
        if (!records.TryGetValue(patientId, out var record))
        {
            tx.Rollback();
            return false;
        }
        using (var writer = new RowWriter(this, tx, audit, null))
        {
            writer.Delete(record);
        }
        FlushRows(tx);
        tx.Commit();
        return true;
    });

    public IReadOnlyList<PatientRecord> LoadPatients() => Guard(() =>
    {
        var records = LoadCore(null, null).Values.ToList();
        records.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return (IReadOnlyList<PatientRecord>)records;
    });

    public long LastAuditId() => Guard(() =>
    {
        using var command = Create(null, "SELECT COALESCE(MAX(id), 0) FROM audit");
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    });

    public IReadOnlyList<AuditEntry> ReadAudit(string? patientId = null) => Guard(() =>
    {
        var sql = "SELECT id, at, who, action, patient_id, entity, field, old_value, new_value, source_file, source_sha256, reason FROM audit"
            + (patientId is null ? "" : " WHERE patient_id = @id") + " ORDER BY id";
        using var command = patientId is null ? Create(null, sql) : Create(null, sql, ("@id", DbType.String));
        if (patientId is not null)
        {
            command.Parameters[0].Value = patientId;
        }
        var entries = new List<AuditEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1).ToUniversalTime(),
                reader.GetString(2),
                Enum.Parse<AuditAction>(reader.GetString(3), ignoreCase: true),
                reader.GetString(4),
                reader.GetString(5),
                NullableString(reader, 6),
                NullableString(reader, 7),
                NullableString(reader, 8),
                NullableString(reader, 9),
                NullableString(reader, 10),
                NullableString(reader, 11)));
        }
        return (IReadOnlyList<AuditEntry>)entries;
    });

    private HashSet<string> ExistingIds(DbTransaction tx)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var command = Create(tx, "SELECT id FROM patient");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    /// <summary>Reads every table ordered by patient and seq and assembles the aggregates; <paramref name="only"/> filters.</summary>
    private Dictionary<string, PatientRecord> LoadCore(DbTransaction? tx, HashSet<string>? only)
    {
        var parts = new Dictionary<string, Parts>(StringComparer.Ordinal);
        using (var r = Query(tx, "SELECT id, center, sex, birth_date, last_followup_date FROM patient"))
        {
            while (r.Read())
            {
                var id = r.Text(0);
                if (only is null || only.Contains(id))
                {
                    parts[id] = new Parts(new Patient(id, r.Text(1), (Sex)Code(TemplateCodes.SexCodes, r.Text(2)), r.Date(3), r.Date(4)));
                }
            }
        }
        using (var r = Query(tx, "SELECT patient_id, diagnosis_date, histology, site, depth, size_cm, grade FROM tumor ORDER BY patient_id, seq"))
        {
            while (r.Read())
            {
                if (parts.TryGetValue(r.Text(0), out var p))
                {
                    p.Tumors.Add(new PrimaryTumor(r.Date(1), r.Text(2),
                        (TumorSite)Code(TemplateCodes.SiteCodes, r.Text(3)),
                        r.IsNull(4) ? null : (TumorDepth)Code(TemplateCodes.DepthCodes, r.Text(4)),
                        r.IsNull(5) ? null : r.Real(5),
                        (FnclccGrade)Code(TemplateCodes.GradeCodes, r.Text(6))));
                }
            }
        }
        using (var r = Query(tx, "SELECT patient_id, surgery_date, margin FROM surgery ORDER BY patient_id, seq"))
        {
            while (r.Read())
            {
                if (parts.TryGetValue(r.Text(0), out var p))
                {
                    p.Surgeries.Add(new Surgery(r.Date(1), (ResectionMargin)Code(TemplateCodes.MarginCodes, r.Text(2))));
                }
            }
        }
        using (var r = Query(tx, "SELECT patient_id, setting, dose_gy, fractions, end_date FROM radiotherapy ORDER BY patient_id, seq"))
        {
            while (r.Read())
            {
                if (parts.TryGetValue(r.Text(0), out var p))
                {
                    p.Radiotherapy.Add(new RadiotherapyCourse(
                        r.IsNull(1) ? null : (RadiotherapySetting)Code(TemplateCodes.SettingCodes, r.Text(1)),
                        r.Real(2), r.Integer(3), r.IsNull(4) ? null : r.Date(4)));
                }
            }
        }
        using (var r = Query(tx, "SELECT patient_id, necrosis_pct FROM pathology WHERE seq = 1"))
        {
            while (r.Read())
            {
                if (parts.TryGetValue(r.Text(0), out var p))
                {
                    p.Pathology = new Pathology(r.IsNull(1) ? null : r.Real(1));
                }
            }
        }
        using (var r = Query(tx, "SELECT patient_id, smoking, bmi, charlson FROM comorbidity WHERE seq = 1"))
        {
            while (r.Read())
            {
                if (parts.TryGetValue(r.Text(0), out var p))
                {
                    p.Comorbidity = new Comorbidity(
                        r.IsNull(1) ? null : (SmokingStatus)Code(TemplateCodes.SmokingCodes, r.Text(1)),
                        r.IsNull(2) ? null : r.Real(2), r.IsNull(3) ? null : r.Integer(3));
                }
            }
        }
        using (var r = Query(tx, "SELECT patient_id, kind, event_date, death_cause FROM outcome_event ORDER BY patient_id, kind, seq"))
        {
            while (r.Read())
            {
                if (parts.TryGetValue(r.Text(0), out var p))
                {
                    p.Events.Add(new OutcomeEvent((OutcomeEventKind)Code(TemplateCodes.EventKindCodes, r.Text(1)), r.Date(2),
                        r.IsNull(3) ? null : (DeathCause)Code(TemplateCodes.CauseCodes, r.Text(3))));
                }
            }
        }
        var records = new Dictionary<string, PatientRecord>(parts.Count, StringComparer.Ordinal);
        foreach (var (id, p) in parts)
        {
            if (p.Tumors.Count == 0 || p.Surgeries.Count == 0)
            {
                throw new DataInputException($"{Description}: patient '{id}' has no tumor or surgery row; the database was changed outside sarc");
            }
            records.Add(id, new PatientRecord(p.Patient, p.Tumors[0], p.Surgeries, p.Radiotherapy, p.Pathology, p.Comorbidity, p.Events));
        }
        return records;
    }

    /// <summary>A typed reader over <paramref name="sql"/>; SQLite overrides it with its native statement API.</summary>
    protected virtual IRowReader Query(DbTransaction? tx, string sql)
    {
        var command = Create(tx, sql);
        return new AdoRowReader(command, command.ExecuteReader());
    }

    /// <summary>A prepared per-row statement; SQLite overrides it with its native statement API.</summary>
    protected virtual IRowCommand PrepareRow(DbTransaction tx, string sql, IReadOnlyList<string> names, IReadOnlyList<DbType> types) =>
        new AdoRowCommand(Connection, tx, sql, names, types);

    /// <summary>Sends rows a store may have queued; called before commit.</summary>
    protected virtual void FlushRows(DbTransaction tx)
    {
    }

    private static int Code(string[] codes, string text)
    {
        var index = TemplateCodes.Find(codes, text);
        return index >= 0 ? index : throw new InvalidDataException($"Stored code '{text}' is not one of {string.Join(", ", codes)}.");
    }

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private void Execute(DbTransaction? tx, string sql)
    {
        using var command = Create(tx, sql);
        command.ExecuteNonQuery();
    }

    private DbCommand Create(DbTransaction? tx, string sql, params (string Name, DbType Type)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, type) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static string[] BuildEntityOfColumn()
    {
        var entity = new string[C.Count];
        foreach (var c in new[] { C.PatientId, C.Center, C.Sex, C.BirthDate, C.LastFollowUpDate })
        {
            entity[c] = "patient";
        }
        foreach (var c in new[] { C.DiagnosisDate, C.Histology, C.Site, C.Depth, C.SizeCm, C.Grade })
        {
            entity[c] = "tumor";
        }
        entity[C.SurgeryDate] = entity[C.Margin] = "surgery";
        entity[C.Smoking] = entity[C.Bmi] = entity[C.Charlson] = "comorbidity";
        entity[C.RtSetting] = entity[C.RtDoseGy] = entity[C.RtFractions] = entity[C.RtEndDate] = "radiotherapy";
        entity[C.NecrosisPct] = "pathology";
        entity[C.LrDate] = entity[C.DmDate] = entity[C.DeathDate] = entity[C.DeathCause] = "outcome_event";
        return entity;
    }

    private sealed class Parts(Patient patient)
    {
        public Patient Patient { get; } = patient;

        public List<PrimaryTumor> Tumors { get; } = new(1);

        public List<Surgery> Surgeries { get; } = new(1);

        public List<RadiotherapyCourse> Radiotherapy { get; } = [];

        public Pathology? Pathology { get; set; }

        public Comorbidity? Comorbidity { get; set; }

        public List<OutcomeEvent> Events { get; } = [];
    }

    /// <summary>The prepared statements of one transaction: one per table, reused for every row.</summary>
    private sealed class RowWriter : IDisposable
    {
        private static readonly string[] ChildTables = ["tumor", "surgery", "radiotherapy", "pathology", "comorbidity", "outcome_event", "complication"];

        private readonly SqlRegistryStore store;
        private readonly DbTransaction tx;
        private readonly AuditContext audit;
        private readonly ImportSource? source;
        private readonly DateTimeOffset now;
        private readonly List<IRowCommand> commands = [];
        private readonly ArrayBufferWriter<byte> json = new(1024);
        private IRowCommand? patient, tumor, surgery, radiotherapy, pathology, comorbidity, outcome, auditRow, updatePatient;
        private IRowCommand[]? deleteTemplateView, deleteAll;

        public RowWriter(SqlRegistryStore store, DbTransaction tx, AuditContext audit, ImportSource? source)
        {
            this.store = store;
            this.tx = tx;
            this.audit = audit;
            this.source = source;
            now = audit.Clock.GetUtcNow().ToUniversalTime();
        }

        public void Insert(PatientRecord record)
        {
            var p = record.Patient;
            patient ??= Prepare("INSERT INTO patient (id, center, sex, birth_date, last_followup_date) VALUES (@id, @center, @sex, @birth, @last)",
                DbType.String, DbType.String, DbType.String, DbType.Date, DbType.Date);
            patient.Text(0, p.Id);
            patient.Text(1, p.Center);
            patient.Text(2, TemplateCodes.Code(p.Sex));
            patient.Date(3, p.BirthDate);
            patient.Date(4, p.LastFollowUp);
            patient.Execute();
            InsertChildren(record);
            Audit(AuditAction.Insert, p.Id, "patient", null, null, Json(TemplateCells.Of(record)));
        }

        /// <summary>Replaces the template view of <paramref name="before"/> by <paramref name="after"/>; false when nothing differs.</summary>
        public bool Update(PatientRecord before, PatientRecord after)
        {
            var oldCells = TemplateCells.Of(before);
            var newCells = TemplateCells.Of(after);
            var changed = false;
            for (var c = 0; c < C.Count; c++)
            {
                changed |= !string.Equals(oldCells[c], newCells[c], StringComparison.Ordinal);
            }
            if (!changed)
            {
                return false;
            }
            var p = after.Patient;
            updatePatient ??= Prepare("UPDATE patient SET center = @center, sex = @sex, birth_date = @birth, last_followup_date = @last WHERE id = @id",
                DbType.String, DbType.String, DbType.Date, DbType.Date, DbType.String);
            updatePatient.Text(0, p.Center);
            updatePatient.Text(1, TemplateCodes.Code(p.Sex));
            updatePatient.Date(2, p.BirthDate);
            updatePatient.Date(3, p.LastFollowUp);
            updatePatient.Text(4, p.Id);
            updatePatient.Execute();
            deleteTemplateView ??= ChildTables.Select(t => Prepare($"DELETE FROM {t} WHERE patient_id = @id AND seq = 1", DbType.String)).ToArray();
            foreach (var delete in deleteTemplateView)
            {
                delete.Text(0, p.Id);
                delete.Execute();
            }
            InsertChildren(after);
            for (var c = 0; c < C.Count; c++)
            {
                if (!string.Equals(oldCells[c], newCells[c], StringComparison.Ordinal))
                {
                    Audit(AuditAction.Update, p.Id, EntityOfColumn[c], C.Names[c], Nullable(oldCells[c]), Nullable(newCells[c]));
                }
            }
            return true;
        }

        public void Delete(PatientRecord record)
        {
            deleteAll ??= [
                .. ChildTables.Select(t => Prepare($"DELETE FROM {t} WHERE patient_id = @id", DbType.String)),
                Prepare("DELETE FROM patient WHERE id = @id", DbType.String),
            ];
            foreach (var delete in deleteAll)
            {
                delete.Text(0, record.Id);
                delete.Execute();
            }
            Audit(AuditAction.Delete, record.Id, "patient", null, Json(TemplateCells.Of(record)), null);
        }

        public void Dispose()
        {
            foreach (var command in commands)
            {
                command.Dispose();
            }
        }

        private void InsertChildren(PatientRecord record)
        {
            var id = record.Id;
            var t = record.Tumor;
            tumor ??= Prepare("INSERT INTO tumor (patient_id, seq, diagnosis_date, histology, site, depth, size_cm, grade) VALUES (@id, @seq, @dx, @hist, @site, @depth, @size, @grade)",
                DbType.String, DbType.Int32, DbType.Date, DbType.String, DbType.String, DbType.String, DbType.Double, DbType.String);
            tumor.Text(0, id);
            tumor.Integer(1, 1);
            tumor.Date(2, t.DiagnosisDate);
            tumor.Text(3, t.Histology);
            tumor.Text(4, TemplateCodes.Code(t.Site));
            tumor.Text(5, t.Depth is { } depth ? TemplateCodes.Code(depth) : null);
            tumor.Real(6, t.SizeCm);
            tumor.Text(7, TemplateCodes.Code(t.Grade));
            tumor.Execute();
            surgery ??= Prepare("INSERT INTO surgery (patient_id, seq, surgery_date, margin) VALUES (@id, @seq, @date, @margin)",
                DbType.String, DbType.Int32, DbType.Date, DbType.String);
            for (var i = 0; i < record.Surgeries.Count; i++)
            {
                var s = record.Surgeries[i];
                surgery.Text(0, id);
                surgery.Integer(1, i + 1);
                surgery.Date(2, s.Date);
                surgery.Text(3, TemplateCodes.Code(s.Margin));
                surgery.Execute();
            }
            for (var i = 0; i < record.Radiotherapy.Count; i++)
            {
                var rt = record.Radiotherapy[i];
                radiotherapy ??= Prepare("INSERT INTO radiotherapy (patient_id, seq, setting, dose_gy, fractions, end_date) VALUES (@id, @seq, @setting, @dose, @fx, @end)",
                    DbType.String, DbType.Int32, DbType.String, DbType.Double, DbType.Int32, DbType.Date);
                radiotherapy.Text(0, id);
                radiotherapy.Integer(1, i + 1);
                radiotherapy.Text(2, rt.Setting is { } setting ? TemplateCodes.Code(setting) : null);
                radiotherapy.Real(3, rt.DoseGy);
                radiotherapy.Integer(4, rt.Fractions);
                radiotherapy.Date(5, rt.EndDate);
                radiotherapy.Execute();
            }
            if (record.Pathology is { } path)
            {
                pathology ??= Prepare("INSERT INTO pathology (patient_id, seq, necrosis_pct) VALUES (@id, @seq, @necrosis)",
                    DbType.String, DbType.Int32, DbType.Double);
                pathology.Text(0, id);
                pathology.Integer(1, 1);
                pathology.Real(2, path.NecrosisPct);
                pathology.Execute();
            }
            if (record.Comorbidity is { } c)
            {
                comorbidity ??= Prepare("INSERT INTO comorbidity (patient_id, seq, smoking, bmi, charlson) VALUES (@id, @seq, @smoking, @bmi, @charlson)",
                    DbType.String, DbType.Int32, DbType.String, DbType.Double, DbType.Int32);
                comorbidity.Text(0, id);
                comorbidity.Integer(1, 1);
                comorbidity.Text(2, c.Smoking is { } smoking ? TemplateCodes.Code(smoking) : null);
                comorbidity.Real(3, c.Bmi);
                comorbidity.Integer(4, c.Charlson);
                comorbidity.Execute();
            }
            Span<int> seqOfKind = stackalloc int[3];
            foreach (var e in record.Events)
            {
                outcome ??= Prepare("INSERT INTO outcome_event (patient_id, kind, seq, event_date, death_cause) VALUES (@id, @kind, @seq, @date, @cause)",
                    DbType.String, DbType.String, DbType.Int32, DbType.Date, DbType.String);
                outcome.Text(0, id);
                outcome.Text(1, TemplateCodes.Code(e.Kind));
                outcome.Integer(2, ++seqOfKind[(int)e.Kind]);
                outcome.Date(3, e.Date);
                outcome.Text(4, e.Cause is { } cause ? TemplateCodes.Code(cause) : null);
                outcome.Execute();
            }
        }

        private void Audit(AuditAction action, string patientId, string entity, string? field, string? oldValue, string? newValue)
        {
            auditRow ??= Prepare("INSERT INTO audit (at, who, action, patient_id, entity, field, old_value, new_value, source_file, source_sha256, reason) VALUES (@at, @who, @action, @pid, @entity, @field, @old, @new, @file, @hash, @reason)",
                DbType.DateTimeOffset, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String);
            auditRow.Timestamp(0, now);
            auditRow.Text(1, audit.User);
            auditRow.Text(2, ActionCodes[(int)action]);
            auditRow.Text(3, patientId);
            auditRow.Text(4, entity);
            auditRow.Text(5, field);
            auditRow.Text(6, oldValue);
            auditRow.Text(7, newValue);
            auditRow.Text(8, source?.FileName);
            auditRow.Text(9, source?.Sha256);
            auditRow.Text(10, audit.Reason);
            auditRow.Execute();
        }

        private static readonly string[] ActionCodes = ["insert", "update", "delete"];

        private static string? Nullable(string cell) => cell.Length == 0 ? null : cell;

        /// <summary>The non-empty template cells as a JSON object, in template order.</summary>
        private string Json(string[] cells)
        {
            json.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(json))
            {
                writer.WriteStartObject();
                for (var c = 0; c < cells.Length; c++)
                {
                    if (cells[c].Length > 0)
                    {
                        writer.WriteString(C.Names[c], cells[c]);
                    }
                }
                writer.WriteEndObject();
            }
            return Encoding.UTF8.GetString(json.WrittenSpan);
        }

        private IRowCommand Prepare(string sql, params DbType[] types)
        {
            var command = store.PrepareRow(tx, sql, ParameterNames(sql), types);
            commands.Add(command);
            return command;
        }

        private static List<string> ParameterNames(string sql)
        {
            var names = new List<string>();
            for (var i = 0; i < sql.Length; i++)
            {
                if (sql[i] == '@')
                {
                    var j = i + 1;
                    while (j < sql.Length && (char.IsAsciiLetterOrDigit(sql[j]) || sql[j] == '_'))
                    {
                        j++;
                    }
                    names.Add(sql[i..j]);
                    i = j;
                }
            }
            return names;
        }
    }
}
