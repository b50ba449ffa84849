namespace Sarc.Registry.Storage;

/// <summary>
/// The registry schema as numbered migrations, applied in order at open (each in its own transaction, see
/// <see cref="SchemaMigrator"/>) and recorded in <c>schema_migrations</c>. Migrations are append-only: a released one is
/// never edited. Tables per entity; <c>seq</c> numbers a patient's rows of one kind in their canonical order.
/// </summary>
internal static class Migrations
{
    private const string Tables = """
        CREATE TABLE patient (
            id TEXT PRIMARY KEY,
            center TEXT NOT NULL,
            sex TEXT NOT NULL,
            birth_date {DATE} NOT NULL,
            last_followup_date {DATE} NOT NULL);
        CREATE TABLE tumor (
            patient_id TEXT NOT NULL REFERENCES patient(id),
            seq INTEGER NOT NULL,
            diagnosis_date {DATE} NOT NULL,
            histology TEXT NOT NULL,
            site TEXT NOT NULL,
            depth TEXT,
            size_cm {REAL},
            grade TEXT NOT NULL,
            PRIMARY KEY (patient_id, seq));
        CREATE TABLE surgery (
            patient_id TEXT NOT NULL REFERENCES patient(id),
            seq INTEGER NOT NULL,
            surgery_date {DATE} NOT NULL,
            margin TEXT NOT NULL,
            PRIMARY KEY (patient_id, seq));
        CREATE TABLE radiotherapy (
            patient_id TEXT NOT NULL REFERENCES patient(id),
            seq INTEGER NOT NULL,
            setting TEXT,
            dose_gy {REAL} NOT NULL,
            fractions INTEGER NOT NULL,
            end_date {DATE},
            PRIMARY KEY (patient_id, seq));
        CREATE TABLE pathology (
            patient_id TEXT NOT NULL REFERENCES patient(id),
            seq INTEGER NOT NULL,
            necrosis_pct {REAL},
            PRIMARY KEY (patient_id, seq));
        CREATE TABLE comorbidity (
            patient_id TEXT NOT NULL REFERENCES patient(id),
            seq INTEGER NOT NULL,
            smoking TEXT,
            bmi {REAL},
            charlson INTEGER,
            PRIMARY KEY (patient_id, seq));
        CREATE TABLE outcome_event (
            patient_id TEXT NOT NULL REFERENCES patient(id),
            kind TEXT NOT NULL,
            seq INTEGER NOT NULL,
            event_date {DATE} NOT NULL,
            death_cause TEXT,
            PRIMARY KEY (patient_id, kind, seq));
        CREATE TABLE complication (
            patient_id TEXT NOT NULL REFERENCES patient(id),
            seq INTEGER NOT NULL,
            complication_date {DATE} NOT NULL,
            classification TEXT NOT NULL,
            grade TEXT NOT NULL,
            description TEXT,
            PRIMARY KEY (patient_id, seq));
        CREATE TABLE audit (
            id {IDENTITY},
            at {TIMESTAMP} NOT NULL,
            who TEXT NOT NULL,
            action TEXT NOT NULL,
            patient_id TEXT NOT NULL,
            entity TEXT NOT NULL,
            field TEXT,
            old_value TEXT,
            new_value TEXT,
            source_file TEXT,
            source_sha256 TEXT);
        CREATE INDEX audit_patient ON audit (patient_id, id);
        """;

    /// <summary>All migrations in version order.</summary>
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "patients, tumors, treatments, events, complications, audit",
            // WITHOUT ROWID: rows are stored in primary-key order, so the per-patient scans of a load read one B-tree.
            Tables.Replace("PRIMARY KEY (patient_id, seq));", "PRIMARY KEY (patient_id, seq)) WITHOUT ROWID;")
                .Replace("PRIMARY KEY (patient_id, kind, seq));", "PRIMARY KEY (patient_id, kind, seq)) WITHOUT ROWID;")
                .Replace("last_followup_date {DATE} NOT NULL);", "last_followup_date {DATE} NOT NULL) WITHOUT ROWID;")
                .Replace("{DATE}", "TEXT").Replace("{REAL}", "REAL").Replace("{IDENTITY}", "INTEGER PRIMARY KEY").Replace("{TIMESTAMP}", "TEXT"),
            // COLLATE "C" so that ORDER BY id is ordinal on every server locale, as in SQLite.
            Tables.Replace("id TEXT PRIMARY KEY", "id TEXT COLLATE \"C\" PRIMARY KEY").Replace("{DATE}", "DATE").Replace("{REAL}", "DOUBLE PRECISION")
                .Replace("{IDENTITY}", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY").Replace("{TIMESTAMP}", "TIMESTAMPTZ")),
        // The reason used to be folded into source_file ("web form: REASON"); its own column keeps the file name clean
        // and lets an import carry a reason too. Older records keep NULL: no reason was recorded for them.
        new(2, "audit reason", AddReason, AddReason),
        // The longitudinal registry (issue 13): any number of surgeries (kind, target, complications), radiotherapy
        // courses (target, start, late toxicity), systemic therapy lines, events (metastasis site and lesions) and
        // follow-up contacts. Comorbidity moves into patient, necrosis into its surgery, the last follow-up date becomes
        // a follow-up contact (none for a patient whose last follow-up is the death), event kinds take the long
        // format's codes; the unused complication table goes (complications are fields of their surgery now).
        new(3, "longitudinal registry: surgeries, radiotherapy, systemic therapy, events, follow-up contacts", LongitudinalSqlite, LongitudinalPostgres),
        // The web app used to create these three tables itself, outside the migrations; registries that have them keep
        // them (IF NOT EXISTS), and every registry gains the columns that let an administrator revoke access.
        new(4, "web accounts: users, their centers, API tokens; disabled and security stamp", Accounts, Accounts),
        // Prediction models a center registers for its patient records (issue 15; Models.ModelStore): the model file's
        // text as given, its validation on the registry when registered, for one center or (NULL) all.
        new(5, "registered prediction models",
            PredictionModels.Replace("{IDENTITY}", "INTEGER PRIMARY KEY").Replace("{TIMESTAMP}", "TEXT"),
            PredictionModels.Replace("{IDENTITY}", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY").Replace("{TIMESTAMP}", "TIMESTAMPTZ")),
        // Issue 17: the audit trail becomes a hash chain (each record holds the previous record's SHA-256 and its own;
        // the records already there are chained, in id order, by the code step), and each patient gets a row version
        // for optimistic concurrency (a form saved on a stale page is refused). Existing patients start at version 1.
        new(ChainVersion, "tamper-evident audit trail (hash chain) and patient row versions", AuditChainSql, AuditChainSql, AuditTrail.ChainExisting),
        // The web app reads a center's patients page by page in the database (issue 18), and keeps derived data only
        // as long as nothing changed: registry_version counts committed changes in commit order (RegistryVersion). Number 7: 5 is the prediction models', 6 the audit chain's.
        new(7, "data version and patients by center", DataVersion, DataVersion),
        // A patient's list row kept with the patient (issue 18): the web list read eleven lookups in five tables per row,
        // and its site and grade filter joined each of a center's patients to its tumour to count the matches. The
        // summary (PatientSummary.Of) is written from the record with every write of the patient (PatientRowWriter)
        // and filled here from the rows; an index on (center, site, grade, id) counts and pages the filter.
        new(8, "patient summaries for lists and the filter by center, site and grade",
            PatientSummaries.Replace("{DATE}", "TEXT").Replace("{GREATEST}", "MAX"),
            PatientSummaries.Replace("{DATE}", "DATE").Replace("{GREATEST}", "GREATEST")),
    ];

    /// <summary>The migration that adds the audit hash chain: audit records are written with their hashes from it on.</summary>
    public const int ChainVersion = 6;

    private const string AuditChainSql = """
        ALTER TABLE audit ADD COLUMN prev_sha256 TEXT;
        ALTER TABLE audit ADD COLUMN sha256 TEXT;
        ALTER TABLE patient ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
        """;

    private const string PredictionModels = """
        CREATE TABLE prediction_model (
            id {IDENTITY},
            name TEXT NOT NULL,
            center TEXT,
            model TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            validation TEXT,
            registered_at {TIMESTAMP} NOT NULL,
            registered_by TEXT NOT NULL);
        CREATE UNIQUE INDEX prediction_model_name ON prediction_model (name, COALESCE(center, ''));
        """;

    private const string DataVersion = """
        CREATE TABLE registry_version (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            version BIGINT NOT NULL);
        INSERT INTO registry_version (id, version) VALUES (1, 0);
        CREATE INDEX patient_center ON patient (center, id);
        """;

    /// <summary>
    /// The columns of <see cref="PatientSummary"/> on <c>patient</c>, filled from the rows as the list query read them
    /// before: the tumour's histology, site and grade; the first primary surgery; the first local recurrence, distant
    /// metastasis and death; the last contact (the latest date of surgeries, radiotherapy and systemic therapy — the end,
    /// or the start when the end is missing or earlier —, events and follow-up contacts); the status of the last
    /// follow-up contact. The last contact needs the primary surgery's date first: two statements.
    /// </summary>
    private const string PatientSummaries = """
        ALTER TABLE patient ADD COLUMN histology TEXT;
        ALTER TABLE patient ADD COLUMN site TEXT;
        ALTER TABLE patient ADD COLUMN grade TEXT;
        ALTER TABLE patient ADD COLUMN primary_surgery_date {DATE};
        ALTER TABLE patient ADD COLUMN local_recurrence_date {DATE};
        ALTER TABLE patient ADD COLUMN distant_metastasis_date {DATE};
        ALTER TABLE patient ADD COLUMN death_date {DATE};
        ALTER TABLE patient ADD COLUMN last_contact_date {DATE};
        ALTER TABLE patient ADD COLUMN last_followup_status TEXT;
        UPDATE patient SET
            histology = (SELECT t.histology FROM tumor t WHERE t.patient_id = patient.id AND t.seq = 1),
            site = (SELECT t.site FROM tumor t WHERE t.patient_id = patient.id AND t.seq = 1),
            grade = (SELECT t.grade FROM tumor t WHERE t.patient_id = patient.id AND t.seq = 1),
            primary_surgery_date = (SELECT MIN(s.surgery_date) FROM surgery s WHERE s.patient_id = patient.id AND s.kind = 'primary'),
            local_recurrence_date = (SELECT MIN(e.event_date) FROM outcome_event e WHERE e.patient_id = patient.id AND e.kind = 'local_recurrence'),
            distant_metastasis_date = (SELECT MIN(e.event_date) FROM outcome_event e WHERE e.patient_id = patient.id AND e.kind = 'distant_metastasis'),
            death_date = (SELECT MIN(e.event_date) FROM outcome_event e WHERE e.patient_id = patient.id AND e.kind = 'death'),
            last_followup_status = (SELECT f.status FROM followup f WHERE f.patient_id = patient.id ORDER BY f.seq DESC LIMIT 1);
        UPDATE patient SET last_contact_date = {GREATEST}(
            COALESCE((SELECT MAX(s.surgery_date) FROM surgery s WHERE s.patient_id = patient.id), primary_surgery_date),
            COALESCE((SELECT MAX(CASE WHEN r.end_date IS NULL OR r.end_date < r.start_date THEN r.start_date ELSE r.end_date END) FROM radiotherapy r WHERE r.patient_id = patient.id), primary_surgery_date),
            COALESCE((SELECT MAX(CASE WHEN l.end_date IS NULL OR l.end_date < l.start_date THEN l.start_date ELSE l.end_date END) FROM systemic l WHERE l.patient_id = patient.id), primary_surgery_date),
            COALESCE((SELECT MAX(e.event_date) FROM outcome_event e WHERE e.patient_id = patient.id), primary_surgery_date),
            COALESCE((SELECT MAX(f.contact_date) FROM followup f WHERE f.patient_id = patient.id), primary_surgery_date));
        CREATE INDEX patient_filter ON patient (center, site, grade, id);
        """;

    private const string AddReason = "ALTER TABLE audit ADD COLUMN reason TEXT;";

    private const string FollowUpFromPatient = """
        INSERT INTO followup (patient_id, seq, contact_date, status)
            SELECT p.id, 1, p.last_followup_date, NULL FROM patient p
            WHERE NOT EXISTS (SELECT 1 FROM outcome_event e WHERE e.patient_id = p.id AND e.kind = 'death' AND e.event_date = p.last_followup_date);
        """;

    private const string NewTables = """
        CREATE TABLE followup (
            patient_id TEXT NOT NULL REFERENCES patient(id),
            seq INTEGER NOT NULL,
            contact_date {DATE} NOT NULL,
            status TEXT,
            PRIMARY KEY (patient_id, seq)){WITHOUT_ROWID};
        CREATE TABLE systemic (
            patient_id TEXT NOT NULL REFERENCES patient(id),
            seq INTEGER NOT NULL,
            regimen TEXT,
            intent TEXT,
            start_date {DATE} NOT NULL,
            end_date {DATE},
            PRIMARY KEY (patient_id, seq)){WITHOUT_ROWID};
        """;

    private const string EventCodes = """
        UPDATE outcome_event SET kind = CASE kind WHEN 'lr' THEN 'local_recurrence' WHEN 'dm' THEN 'distant_metastasis' ELSE kind END;
        """;

    private static string LongitudinalSqlite =>
        NewTables.Replace("{DATE}", "TEXT").Replace("{WITHOUT_ROWID}", " WITHOUT ROWID") + FollowUpFromPatient + EventCodes + """
        ALTER TABLE patient ADD COLUMN smoking TEXT;
        ALTER TABLE patient ADD COLUMN bmi REAL;
        ALTER TABLE patient ADD COLUMN charlson INTEGER;
        UPDATE patient SET
            smoking = (SELECT c.smoking FROM comorbidity c WHERE c.patient_id = patient.id AND c.seq = 1),
            bmi = (SELECT c.bmi FROM comorbidity c WHERE c.patient_id = patient.id AND c.seq = 1),
            charlson = (SELECT c.charlson FROM comorbidity c WHERE c.patient_id = patient.id AND c.seq = 1);
        ALTER TABLE patient DROP COLUMN last_followup_date;
        DROP TABLE comorbidity;
        ALTER TABLE tumor ADD COLUMN metastatic_at_diagnosis TEXT;
        CREATE TABLE surgery_v3 (
            patient_id TEXT NOT NULL REFERENCES patient(id),
            seq INTEGER NOT NULL,
            surgery_date TEXT NOT NULL,
            kind TEXT NOT NULL,
            target TEXT,
            margin TEXT,
            necrosis_pct REAL,
            lesions INTEGER,
            max_lesion_cm REAL,
            clavien_dindo TEXT,
            wound_complication TEXT,
            PRIMARY KEY (patient_id, seq)) WITHOUT ROWID;
        INSERT INTO surgery_v3 (patient_id, seq, surgery_date, kind, margin, necrosis_pct)
            SELECT s.patient_id, s.seq, s.surgery_date, CASE WHEN s.seq = 1 THEN 'primary' ELSE 're_excision' END, s.margin,
                (SELECT p.necrosis_pct FROM pathology p WHERE p.patient_id = s.patient_id AND p.seq = s.seq)
            FROM surgery s;
        DROP TABLE surgery;
        ALTER TABLE surgery_v3 RENAME TO surgery;
        DROP TABLE pathology;
        DROP TABLE complication;
        ALTER TABLE radiotherapy ADD COLUMN target TEXT;
        ALTER TABLE radiotherapy ADD COLUMN start_date TEXT;
        ALTER TABLE radiotherapy ADD COLUMN late_toxicity_grade INTEGER;
        ALTER TABLE outcome_event ADD COLUMN site TEXT;
        ALTER TABLE outcome_event ADD COLUMN lesions INTEGER;
        ALTER TABLE outcome_event ADD COLUMN max_lesion_cm REAL;
        ALTER TABLE audit ADD COLUMN item TEXT;
        """;

    private static string LongitudinalPostgres =>
        NewTables.Replace("{DATE}", "DATE").Replace("{WITHOUT_ROWID}", "") + FollowUpFromPatient + EventCodes + """
        ALTER TABLE patient ADD COLUMN smoking TEXT, ADD COLUMN bmi DOUBLE PRECISION, ADD COLUMN charlson INTEGER;
        UPDATE patient p SET smoking = c.smoking, bmi = c.bmi, charlson = c.charlson FROM comorbidity c WHERE c.patient_id = p.id AND c.seq = 1;
        ALTER TABLE patient DROP COLUMN last_followup_date;
        DROP TABLE comorbidity;
        ALTER TABLE tumor ADD COLUMN metastatic_at_diagnosis TEXT;
        ALTER TABLE surgery ADD COLUMN kind TEXT, ADD COLUMN target TEXT, ADD COLUMN necrosis_pct DOUBLE PRECISION, ADD COLUMN lesions INTEGER,
            ADD COLUMN max_lesion_cm DOUBLE PRECISION, ADD COLUMN clavien_dindo TEXT, ADD COLUMN wound_complication TEXT;
        UPDATE surgery SET kind = CASE WHEN seq = 1 THEN 'primary' ELSE 're_excision' END;
        UPDATE surgery s SET necrosis_pct = p.necrosis_pct FROM pathology p WHERE p.patient_id = s.patient_id AND p.seq = s.seq;
        ALTER TABLE surgery ALTER COLUMN kind SET NOT NULL, ALTER COLUMN margin DROP NOT NULL;
        DROP TABLE pathology;
        DROP TABLE complication;
        ALTER TABLE radiotherapy ADD COLUMN target TEXT, ADD COLUMN start_date DATE, ADD COLUMN late_toxicity_grade INTEGER;
        ALTER TABLE outcome_event ADD COLUMN site TEXT, ADD COLUMN lesions INTEGER, ADD COLUMN max_lesion_cm DOUBLE PRECISION;
        ALTER TABLE audit ADD COLUMN item TEXT;
        """;

    private const string Accounts = """
        CREATE TABLE IF NOT EXISTS web_user (
            email TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            failed_logins INTEGER NOT NULL,
            locked_until TEXT);
        CREATE TABLE IF NOT EXISTS web_user_center (
            email TEXT NOT NULL REFERENCES web_user(email),
            center TEXT NOT NULL,
            PRIMARY KEY (email, center));
        CREATE TABLE IF NOT EXISTS web_token (
            sha256 TEXT PRIMARY KEY,
            email TEXT NOT NULL REFERENCES web_user(email),
            created TEXT NOT NULL);
        ALTER TABLE web_user ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE web_user ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
        """;

    /// <summary>The newest schema version this build knows.</summary>
    public static int Latest => All[^1].Version;
}
