using System.Data.Common;
using Sarc.Data;
using Sarc.Registry.Domain;
using R = Sarc.Registry.Codes.RegistryCodes;

namespace Sarc.Registry.Storage;

/// <summary>
/// Reads patients: one ordered scan per table, assembled into <see cref="PatientRecord"/>s. Codes are read back
/// through <see cref="Codes.RegistryCodes"/>; a code or a patient without its tumor or primary surgery that sarc could
/// not have written is reported as a database changed outside sarc. Outside a transaction, a store that can read on
/// several connections at once (SQLite in WAL mode) scans the tables in parallel; the newest audit id, read before and
/// after, proves that no change was committed in between (every change writes audit records), else the load is
/// repeated on the one connection.
/// </summary>
internal sealed class PatientReader(RegistryDatabase db)
{
    /// <summary>
    /// Every patient (or those in <paramref name="only"/>: up to <see cref="LookupLimit"/> of them by index lookups in
    /// each table, more by scanning the tables), by id.
    /// </summary>
    /// <exception cref="DataInputException">The data breaks the registry's invariants (changed outside sarc).</exception>
    public Dictionary<string, PatientRecord> Load(DbTransaction? tx, IReadOnlySet<string>? only)
    {
        if (only is not null && only.Count <= LookupLimit)
        {
            return LoadIds(tx, [.. only]);
        }
        if (tx is null && only is null && db.CanReadInParallel)
        {
            var before = db.Scalar(null, "SELECT COALESCE(MAX(id), 0) FROM audit");
            var scans = new Scans();
            Parallel.Invoke(
                new ParallelOptions { MaxDegreeOfParallelism = Math.Min(Environment.ProcessorCount, 4) },
                [.. scans.All.Select(scan => (Action)(() => { using var reader = db.QueryOnNewConnection(scan.Sql(null)); scan.Run(reader); }))]);
            if (db.Scalar(null, "SELECT COALESCE(MAX(id), 0) FROM audit") == before)
            {
                return Assemble(scans);
            }
        }
        var sequential = new Scans();
        foreach (var scan in sequential.All)
        {
            using var reader = db.Query(tx, scan.Sql(null));
            scan.Run(reader, only);
        }
        return Assemble(sequential);
    }

    /// <summary>Up to this many patients are read by index lookups (<see cref="LoadIds"/>) rather than by scanning every table.</summary>
    public const int LookupLimit = 5000;

    /// <summary>One patient, or null when there is none: an index lookup in each table.</summary>
    /// <exception cref="DataInputException">The data breaks the registry's invariants (changed outside sarc).</exception>
    public PatientRecord? LoadOne(DbTransaction? tx, string id) => LoadIds(tx, [id]).GetValueOrDefault(id);

    /// <summary>
    /// The patients of <paramref name="ids"/> (those that exist), by index lookups in each table: <c>IN</c> lists of
    /// at most <see cref="IdsPerQuery"/> ids, so that the database's collation of the id columns plays no part.
    /// </summary>
    /// <exception cref="DataInputException">The data breaks the registry's invariants (changed outside sarc).</exception>
    public Dictionary<string, PatientRecord> LoadIds(DbTransaction? tx, IReadOnlyList<string> ids)
    {
        var scans = new Scans();
        for (var from = 0; from < ids.Count; from += IdsPerQuery)
        {
            var count = Math.Min(IdsPerQuery, ids.Count - from);
            var condition = "{0} IN (" + string.Join(", ", Enumerable.Range(0, count).Select(i => "@i" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")";
            var values = new object?[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = ids[from + i];
            }
            foreach (var scan in scans.All)
            {
                using var reader = db.Query(tx, scan.Sql(condition), values);
                scan.Run(reader);
            }
        }
        return Assemble(scans);
    }

    /// <summary>Ids per <c>IN</c> list of <see cref="LoadIds"/>.</summary>
    private const int IdsPerQuery = 500;

    private Dictionary<string, PatientRecord> Assemble(Scans scans)
    {
        var records = new Dictionary<string, PatientRecord>(scans.Patients.Count, StringComparer.Ordinal);
        foreach (var (id, (patient, comorbidity, version)) in scans.Patients)
        {
            var tumor = scans.Tumors.GetValueOrDefault(id) is { Count: > 0 } t ? t[0]
                : throw new DataInputException($"{db.Description}: patient '{id}' has no tumor row; the database was changed outside sarc");
            try
            {
                records.Add(id, new PatientRecord(patient, tumor, comorbidity, Rows(scans.Surgeries, id), Rows(scans.Radiotherapy, id),
                    Rows(scans.Systemic, id), Rows(scans.Events, id), Rows(scans.FollowUps, id))
                {
                    Version = version,
                });
            }
            catch (ArgumentException e)
            {
                throw new DataInputException($"{db.Description}: patient '{id}': {e.Message} The database was changed outside sarc.");
            }
        }
        return records;
    }

    private static IReadOnlyList<T> Rows<T>(Dictionary<string, List<T>> rows, string id) => rows.TryGetValue(id, out var list) ? list : [];

    private static bool? YesNo(IRowReader r, int column) => r.IsNull(column) ? null : R.YesNo.ParseStored(r.Utf8(column)) == Domain.YesNo.Yes;

    /// <summary>A table's rows, read in patient_id order and grouped by patient.</summary>
    private sealed class Scan<T>(string sql, string idColumn, Dictionary<string, List<T>> rows, Func<IRowReader, T> read) : IScan
    {
        public string Sql(string? condition)
        {
            if (condition is null)
            {
                return sql;
            }
            var order = sql.IndexOf(" ORDER BY ", StringComparison.Ordinal);
            return sql[..order] + " WHERE " + string.Format(System.Globalization.CultureInfo.InvariantCulture, condition, idColumn) + sql[order..];
        }

        /// <summary>
        /// Reads every row; a string and a lookup only when the id changes from the previous row (a patient's rows come
        /// together), not for every row. <paramref name="only"/> keeps some patients.
        /// </summary>
        public void Run(IRowReader r, IReadOnlySet<string>? only = null)
        {
            var lastId = Array.Empty<byte>();
            List<T>? list = null;
            while (r.Read())
            {
                var id = r.Utf8(0);
                if (!id.SequenceEqual(lastId))
                {
                    lastId = id.ToArray();
                    var text = System.Text.Encoding.UTF8.GetString(id);
                    list = only is not null && !only.Contains(text) ? null : rows.TryGetValue(text, out var existing) ? existing : rows[text] = new List<T>(1);
                }
                list?.Add(read(r));
            }
        }
    }

    private interface IScan
    {
        /// <summary>The scan's query; with <paramref name="condition"/> (the id column written <c>{0}</c>) only the rows meeting it.</summary>
        string Sql(string? condition);

        void Run(IRowReader reader, IReadOnlySet<string>? only = null);
    }

    /// <summary>The scans of one load, each filling its own dictionary (so they can run at once).</summary>
    private sealed class Scans
    {
        public Scans()
        {
            All =
            [
                new Scan<(Patient, Comorbidity, int)>("SELECT id, center, sex, birth_date, smoking, bmi, charlson, version FROM patient ORDER BY id", "id", PatientRows, r =>
                    (new Patient(r.Text(0), r.Text(1), R.Sex.ParseStored(r.Utf8(2)), r.Date(3)),
                     new Comorbidity(r.IsNull(4) ? null : R.Smoking.ParseStored(r.Utf8(4)), r.IsNull(5) ? null : r.Real(5), r.IsNull(6) ? null : r.Integer(6)),
                     r.Integer(7))),
                new Scan<PrimaryTumor>("SELECT patient_id, diagnosis_date, histology, site, depth, size_cm, grade, metastatic_at_diagnosis FROM tumor ORDER BY patient_id, seq", "patient_id", Tumors, r =>
                    new PrimaryTumor(r.Date(1), r.Text(2), R.Site.ParseStored(r.Utf8(3)),
                        r.IsNull(4) ? null : R.Depth.ParseStored(r.Utf8(4)), r.IsNull(5) ? null : r.Real(5), R.Grade.ParseStored(r.Utf8(6)), YesNo(r, 7))),
                new Scan<Surgery>("SELECT patient_id, surgery_date, kind, target, margin, necrosis_pct, lesions, max_lesion_cm, clavien_dindo, wound_complication FROM surgery ORDER BY patient_id, seq", "patient_id", Surgeries, r =>
                    new Surgery(r.Date(1), R.SurgeryKind.ParseStored(r.Utf8(2)),
                        r.IsNull(3) ? null : R.Target.ParseStored(r.Utf8(3)),
                        r.IsNull(4) ? null : R.Margin.ParseStored(r.Utf8(4)),
                        r.IsNull(5) ? null : r.Real(5), r.IsNull(6) ? null : r.Integer(6), r.IsNull(7) ? null : r.Real(7),
                        r.IsNull(8) ? null : R.ClavienDindo.ParseStored(r.Utf8(8)), YesNo(r, 9))),
                new Scan<RadiotherapyCourse>("SELECT patient_id, setting, target, dose_gy, fractions, start_date, end_date, late_toxicity_grade FROM radiotherapy ORDER BY patient_id, seq", "patient_id", Radiotherapy, r =>
                    new RadiotherapyCourse(
                        r.IsNull(1) ? null : R.RadiotherapySetting.ParseStored(r.Utf8(1)), r.Real(3), r.Integer(4), r.IsNull(6) ? null : r.Date(6),
                        r.IsNull(2) ? null : R.RadiotherapyTarget.ParseStored(r.Utf8(2)), r.IsNull(5) ? null : r.Date(5), r.IsNull(7) ? null : r.Integer(7))),
                new Scan<SystemicTherapyLine>("SELECT patient_id, regimen, intent, start_date, end_date FROM systemic ORDER BY patient_id, seq", "patient_id", Systemic, r =>
                    new SystemicTherapyLine(r.IsNull(1) ? null : r.Text(1), r.IsNull(2) ? null : R.SystemicIntent.ParseStored(r.Utf8(2)), r.Date(3), r.IsNull(4) ? null : r.Date(4))),
                new Scan<OutcomeEvent>("SELECT patient_id, kind, event_date, death_cause, site, lesions, max_lesion_cm FROM outcome_event ORDER BY patient_id, seq", "patient_id", Events, r =>
                    new OutcomeEvent(R.EventKind.ParseStored(r.Utf8(1)), r.Date(2),
                        r.IsNull(3) ? null : R.DeathCause.ParseStored(r.Utf8(3)), r.IsNull(4) ? null : R.Target.ParseStored(r.Utf8(4)),
                        r.IsNull(5) ? null : r.Integer(5), r.IsNull(6) ? null : r.Real(6))),
                new Scan<FollowUpContact>("SELECT patient_id, contact_date, status FROM followup ORDER BY patient_id, seq", "patient_id", FollowUps, r =>
                    new FollowUpContact(r.Date(1), r.IsNull(2) ? null : R.FollowUpStatus.ParseStored(r.Utf8(2)))),
            ];
        }

        public Dictionary<string, List<(Patient, Comorbidity, int)>> PatientRows { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (Patient Patient, Comorbidity Comorbidity, int Version)> Patients => field ??= PatientRows.ToDictionary(p => p.Key, p => p.Value[0], StringComparer.Ordinal);

        public Dictionary<string, List<PrimaryTumor>> Tumors { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<Surgery>> Surgeries { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<RadiotherapyCourse>> Radiotherapy { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<SystemicTherapyLine>> Systemic { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<OutcomeEvent>> Events { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<FollowUpContact>> FollowUps { get; } = new(StringComparer.Ordinal);

        public IReadOnlyList<IScan> All { get; }
    }
}
