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

    /// <summary>Opens the connection and brings the schema up to <see cref="Migrations.Latest"/>.</summary>
    protected void Initialize() => Guard(() =>
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

    public int CountPatients() => Guard(() =>
    {
        using var command = Create(null, "SELECT COUNT(*) FROM patient");
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    });

    public ImportResult Import(IReadOnlyList<ImportRow> rows, bool update, AuditContext audit, ImportSource? source) => Guard(() =>
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
        }
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
        tx.Commit();
        return true;
    });

    public IReadOnlyList<PatientRecord> LoadPatients() => Guard(() =>
    {
        var records = LoadCore(null, null).Values.ToList();
        records.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return (IReadOnlyList<PatientRecord>)records;
    });

    public IReadOnlyList<AuditEntry> ReadAudit(string? patientId = null) => Guard(() =>
    {
        var sql = "SELECT id, at, who, action, patient_id, entity, field, old_value, new_value, source_file, source_sha256 FROM audit"
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
                NullableString(reader, 10)));
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
        Each(tx, "SELECT id, center, sex, birth_date, last_followup_date FROM patient", r =>
        {
            var id = r.GetString(0);
            if (only is null || only.Contains(id))
            {
                parts[id] = new Parts(new Patient(id, r.GetString(1), (Sex)Code(TemplateCodes.SexCodes, r.GetString(2)),
                    r.GetFieldValue<DateOnly>(3), r.GetFieldValue<DateOnly>(4)));
            }
        });
        Each(tx, "SELECT patient_id, diagnosis_date, histology, site, depth, size_cm, grade FROM tumor ORDER BY patient_id, seq", r =>
        {
            if (parts.TryGetValue(r.GetString(0), out var p))
            {
                p.Tumors.Add(new PrimaryTumor(r.GetFieldValue<DateOnly>(1), r.GetString(2),
                    (TumorSite)Code(TemplateCodes.SiteCodes, r.GetString(3)),
                    r.IsDBNull(4) ? null : (TumorDepth)Code(TemplateCodes.DepthCodes, r.GetString(4)),
                    NullableDouble(r, 5),
                    (FnclccGrade)Code(TemplateCodes.GradeCodes, r.GetString(6))));
            }
        });
        Each(tx, "SELECT patient_id, surgery_date, margin FROM surgery ORDER BY patient_id, seq", r =>
        {
            if (parts.TryGetValue(r.GetString(0), out var p))
            {
                p.Surgeries.Add(new Surgery(r.GetFieldValue<DateOnly>(1), (ResectionMargin)Code(TemplateCodes.MarginCodes, r.GetString(2))));
            }
        });
        Each(tx, "SELECT patient_id, setting, dose_gy, fractions, end_date FROM radiotherapy ORDER BY patient_id, seq", r =>
        {
            if (parts.TryGetValue(r.GetString(0), out var p))
            {
                p.Radiotherapy.Add(new RadiotherapyCourse(
                    r.IsDBNull(1) ? null : (RadiotherapySetting)Code(TemplateCodes.SettingCodes, r.GetString(1)),
                    r.GetDouble(2), r.GetInt32(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4)));
            }
        });
        Each(tx, "SELECT patient_id, necrosis_pct FROM pathology WHERE seq = 1", r =>
        {
            if (parts.TryGetValue(r.GetString(0), out var p))
            {
                p.Pathology = new Pathology(NullableDouble(r, 1));
            }
        });
        Each(tx, "SELECT patient_id, smoking, bmi, charlson FROM comorbidity WHERE seq = 1", r =>
        {
            if (parts.TryGetValue(r.GetString(0), out var p))
            {
                p.Comorbidity = new Comorbidity(
                    r.IsDBNull(1) ? null : (SmokingStatus)Code(TemplateCodes.SmokingCodes, r.GetString(1)),
                    NullableDouble(r, 2), r.IsDBNull(3) ? null : r.GetInt32(3));
            }
        });
        Each(tx, "SELECT patient_id, kind, event_date, death_cause FROM outcome_event ORDER BY patient_id, kind, seq", r =>
        {
            if (parts.TryGetValue(r.GetString(0), out var p))
            {
                p.Events.Add(new OutcomeEvent((OutcomeEventKind)Code(TemplateCodes.EventKindCodes, r.GetString(1)),
                    r.GetFieldValue<DateOnly>(2),
                    r.IsDBNull(3) ? null : (DeathCause)Code(TemplateCodes.CauseCodes, r.GetString(3))));
            }
        });
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

    private static int Code(string[] codes, string text)
    {
        var index = TemplateCodes.Find(codes, text);
        return index >= 0 ? index : throw new InvalidDataException($"Stored code '{text}' is not one of {string.Join(", ", codes)}.");
    }

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? NullableDouble(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private void Each(DbTransaction? tx, string sql, Action<DbDataReader> row)
    {
        using var command = Create(tx, sql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

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

    /// <summary>The prepared commands of one transaction: one per table, reused for every row.</summary>
    private sealed class RowWriter : IDisposable
    {
        private static readonly string[] ChildTables = ["tumor", "surgery", "radiotherapy", "pathology", "comorbidity", "outcome_event", "complication"];

        private readonly SqlRegistryStore store;
        private readonly DbTransaction tx;
        private readonly AuditContext audit;
        private readonly ImportSource? source;
        private readonly DateTimeOffset now;
        private readonly List<DbCommand> commands = [];
        private readonly ArrayBufferWriter<byte> json = new(1024);
        private DbCommand? patient, tumor, surgery, radiotherapy, pathology, comorbidity, outcome, auditRow, updatePatient;
        private DbCommand[]? deleteTemplateView, deleteAll;

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
            Run(patient, p.Id, p.Center, TemplateCodes.Code(p.Sex), p.BirthDate, p.LastFollowUp);
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
            Run(updatePatient, p.Center, TemplateCodes.Code(p.Sex), p.BirthDate, p.LastFollowUp, p.Id);
            deleteTemplateView ??= ChildTables.Select(t => Prepare($"DELETE FROM {t} WHERE patient_id = @id AND seq = 1", DbType.String)).ToArray();
            foreach (var delete in deleteTemplateView)
            {
                Run(delete, p.Id);
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
                Run(delete, record.Id);
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
            Run(tumor, id, 1, t.DiagnosisDate, t.Histology, TemplateCodes.Code(t.Site),
                t.Depth is { } depth ? TemplateCodes.Code(depth) : null, t.SizeCm, TemplateCodes.Code(t.Grade));
            surgery ??= Prepare("INSERT INTO surgery (patient_id, seq, surgery_date, margin) VALUES (@id, @seq, @date, @margin)",
                DbType.String, DbType.Int32, DbType.Date, DbType.String);
            for (var i = 0; i < record.Surgeries.Count; i++)
            {
                var s = record.Surgeries[i];
                Run(surgery, id, i + 1, s.Date, TemplateCodes.Code(s.Margin));
            }
            for (var i = 0; i < record.Radiotherapy.Count; i++)
            {
                var rt = record.Radiotherapy[i];
                radiotherapy ??= Prepare("INSERT INTO radiotherapy (patient_id, seq, setting, dose_gy, fractions, end_date) VALUES (@id, @seq, @setting, @dose, @fx, @end)",
                    DbType.String, DbType.Int32, DbType.String, DbType.Double, DbType.Int32, DbType.Date);
                Run(radiotherapy, id, i + 1, rt.Setting is { } setting ? TemplateCodes.Code(setting) : null, rt.DoseGy, rt.Fractions, rt.EndDate);
            }
            if (record.Pathology is { } path)
            {
                pathology ??= Prepare("INSERT INTO pathology (patient_id, seq, necrosis_pct) VALUES (@id, @seq, @necrosis)",
                    DbType.String, DbType.Int32, DbType.Double);
                Run(pathology, id, 1, path.NecrosisPct);
            }
            if (record.Comorbidity is { } c)
            {
                comorbidity ??= Prepare("INSERT INTO comorbidity (patient_id, seq, smoking, bmi, charlson) VALUES (@id, @seq, @smoking, @bmi, @charlson)",
                    DbType.String, DbType.Int32, DbType.String, DbType.Double, DbType.Int32);
                Run(comorbidity, id, 1, c.Smoking is { } smoking ? TemplateCodes.Code(smoking) : null, c.Bmi, c.Charlson);
            }
            Span<int> seqOfKind = stackalloc int[3];
            foreach (var e in record.Events)
            {
                var seq = ++seqOfKind[(int)e.Kind];
                outcome ??= Prepare("INSERT INTO outcome_event (patient_id, kind, seq, event_date, death_cause) VALUES (@id, @kind, @seq, @date, @cause)",
                    DbType.String, DbType.String, DbType.Int32, DbType.Date, DbType.String);
                Run(outcome, id, TemplateCodes.Code(e.Kind), seq, e.Date, e.Cause is { } cause ? TemplateCodes.Code(cause) : null);
            }
        }

        private void Audit(AuditAction action, string patientId, string entity, string? field, string? oldValue, string? newValue)
        {
            auditRow ??= Prepare("INSERT INTO audit (at, who, action, patient_id, entity, field, old_value, new_value, source_file, source_sha256) VALUES (@at, @who, @action, @pid, @entity, @field, @old, @new, @file, @hash)",
                DbType.DateTimeOffset, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String);
            Run(auditRow, now, audit.User, action.ToString().ToLowerInvariant(), patientId, entity, field, oldValue, newValue, source?.FileName, source?.Sha256);
        }

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

        private DbCommand Prepare(string sql, params DbType[] types)
        {
            var names = ParameterNames(sql);
            var command = store.Create(tx, sql, names.Select((n, i) => (n, types[i])).ToArray());
            command.Prepare();
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

        private static void Run(DbCommand command, params object?[] values)
        {
            var parameters = command.Parameters;
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
        }
    }
}
