using System.Data.Common;
using Sarc.Data;
using Sarc.Registry.Domain;
using R = Sarc.Registry.Codes.RegistryCodes;

namespace Sarc.Registry.Storage;

/// <summary>
/// Reads patients: one ordered scan per table, assembled into <see cref="PatientRecord"/>s. Codes are read back
/// through <see cref="Codes.RegistryCodes"/>; a code or a patient without its tumor or primary surgery that sarc could
/// not have written is reported as a database changed outside sarc.
/// </summary>
internal sealed class PatientReader(RegistryDatabase db)
{
    /// <summary>Every patient (or those in <paramref name="only"/>), by id.</summary>
    /// <exception cref="DataInputException">The data breaks the registry's invariants (changed outside sarc).</exception>
    public Dictionary<string, PatientRecord> Load(DbTransaction? tx, IReadOnlySet<string>? only)
    {
        var parts = new Dictionary<string, Parts>(StringComparer.Ordinal);
        using (var r = db.Query(tx, "SELECT id, center, sex, birth_date, smoking, bmi, charlson FROM patient"))
        {
            while (r.Read())
            {
                var id = r.Text(0);
                if (only is null || only.Contains(id))
                {
                    parts[id] = new Parts(new Patient(id, r.Text(1), R.Sex.ParseStored(r.Utf8(2)), r.Date(3)),
                        new Comorbidity(r.IsNull(4) ? null : R.Smoking.ParseStored(r.Utf8(4)), r.IsNull(5) ? null : r.Real(5), r.IsNull(6) ? null : r.Integer(6)));
                }
            }
        }
        if (parts.Count == 0)
        {
            return new Dictionary<string, PatientRecord>(StringComparer.Ordinal);
        }
        (byte[] Id, Parts? Parts) last = ([], null);
        using (var r = db.Query(tx, "SELECT patient_id, diagnosis_date, histology, site, depth, size_cm, grade, metastatic_at_diagnosis FROM tumor ORDER BY patient_id, seq"))
        {
            while (r.Read())
            {
                if (Find(r, parts, ref last) is { } p)
                {
                    p.Tumor ??= new PrimaryTumor(r.Date(1), r.Text(2), R.Site.ParseStored(r.Utf8(3)),
                        r.IsNull(4) ? null : R.Depth.ParseStored(r.Utf8(4)), r.IsNull(5) ? null : r.Real(5), R.Grade.ParseStored(r.Utf8(6)),
                        YesNo(r, 7));
                }
            }
        }
        last = ([], null);
        using (var r = db.Query(tx, "SELECT patient_id, surgery_date, kind, target, margin, necrosis_pct, lesions, max_lesion_cm, clavien_dindo, wound_complication FROM surgery ORDER BY patient_id, seq"))
        {
            while (r.Read())
            {
                if (Find(r, parts, ref last) is { } p)
                {
                    p.Surgeries.Add(new Surgery(r.Date(1), R.SurgeryKind.ParseStored(r.Utf8(2)),
                        r.IsNull(3) ? null : R.Target.ParseStored(r.Utf8(3)),
                        r.IsNull(4) ? null : R.Margin.ParseStored(r.Utf8(4)),
                        r.IsNull(5) ? null : r.Real(5), r.IsNull(6) ? null : r.Integer(6), r.IsNull(7) ? null : r.Real(7),
                        r.IsNull(8) ? null : R.ClavienDindo.ParseStored(r.Utf8(8)), YesNo(r, 9)));
                }
            }
        }
        last = ([], null);
        using (var r = db.Query(tx, "SELECT patient_id, setting, target, dose_gy, fractions, start_date, end_date, late_toxicity_grade FROM radiotherapy ORDER BY patient_id, seq"))
        {
            while (r.Read())
            {
                if (Find(r, parts, ref last) is { } p)
                {
                    p.Radiotherapy.Add(new RadiotherapyCourse(
                        r.IsNull(1) ? null : R.RadiotherapySetting.ParseStored(r.Utf8(1)), r.Real(3), r.Integer(4), r.IsNull(6) ? null : r.Date(6),
                        r.IsNull(2) ? null : R.RadiotherapyTarget.ParseStored(r.Utf8(2)), r.IsNull(5) ? null : r.Date(5), r.IsNull(7) ? null : r.Integer(7)));
                }
            }
        }
        last = ([], null);
        using (var r = db.Query(tx, "SELECT patient_id, regimen, intent, start_date, end_date FROM systemic ORDER BY patient_id, seq"))
        {
            while (r.Read())
            {
                if (Find(r, parts, ref last) is { } p)
                {
                    p.Systemic.Add(new SystemicTherapyLine(r.IsNull(1) ? null : r.Text(1), r.IsNull(2) ? null : R.SystemicIntent.ParseStored(r.Utf8(2)),
                        r.Date(3), r.IsNull(4) ? null : r.Date(4)));
                }
            }
        }
        last = ([], null);
        using (var r = db.Query(tx, "SELECT patient_id, kind, event_date, death_cause, site, lesions, max_lesion_cm FROM outcome_event ORDER BY patient_id, seq"))
        {
            while (r.Read())
            {
                if (Find(r, parts, ref last) is { } p)
                {
                    p.Events.Add(new OutcomeEvent(R.EventKind.ParseStored(r.Utf8(1)), r.Date(2),
                        r.IsNull(3) ? null : R.DeathCause.ParseStored(r.Utf8(3)), r.IsNull(4) ? null : R.Target.ParseStored(r.Utf8(4)),
                        r.IsNull(5) ? null : r.Integer(5), r.IsNull(6) ? null : r.Real(6)));
                }
            }
        }
        last = ([], null);
        using (var r = db.Query(tx, "SELECT patient_id, contact_date, status FROM followup ORDER BY patient_id, seq"))
        {
            while (r.Read())
            {
                if (Find(r, parts, ref last) is { } p)
                {
                    p.FollowUps.Add(new FollowUpContact(r.Date(1), r.IsNull(2) ? null : R.FollowUpStatus.ParseStored(r.Utf8(2))));
                }
            }
        }
        var records = new Dictionary<string, PatientRecord>(parts.Count, StringComparer.Ordinal);
        foreach (var (id, p) in parts)
        {
            if (p.Tumor is null)
            {
                throw new DataInputException($"{db.Description}: patient '{id}' has no tumor row; the database was changed outside sarc");
            }
            try
            {
                records.Add(id, new PatientRecord(p.Patient, p.Tumor, p.Comorbidity, p.Surgeries, p.Radiotherapy, p.Systemic, p.Events, p.FollowUps));
            }
            catch (ArgumentException e)
            {
                throw new DataInputException($"{db.Description}: patient '{id}': {e.Message} The database was changed outside sarc.");
            }
        }
        return records;
    }

    private static bool? YesNo(IRowReader r, int column) => r.IsNull(column) ? null : R.YesNo.ParseStored(r.Utf8(column)) == Domain.YesNo.Yes;

    /// <summary>
    /// The patient of a child row read in patient_id order: a string and a dictionary lookup only when the id changes
    /// from the previous row (a patient's rows come together), not for every row.
    /// </summary>
    private static Parts? Find(IRowReader r, Dictionary<string, Parts> parts, ref (byte[] Id, Parts? Parts) last)
    {
        var id = r.Utf8(0);
        if (!id.SequenceEqual(last.Id))
        {
            last = (id.ToArray(), parts.GetValueOrDefault(System.Text.Encoding.UTF8.GetString(id)));
        }
        return last.Parts;
    }

    private sealed class Parts(Patient patient, Comorbidity comorbidity)
    {
        public Patient Patient { get; } = patient;

        public Comorbidity Comorbidity { get; } = comorbidity;

        public PrimaryTumor? Tumor { get; set; }

        public List<Surgery> Surgeries { get; } = new(1);

        public List<RadiotherapyCourse> Radiotherapy { get; } = [];

        public List<SystemicTherapyLine> Systemic { get; } = [];

        public List<OutcomeEvent> Events { get; } = [];

        public List<FollowUpContact> FollowUps { get; } = [];
    }
}
