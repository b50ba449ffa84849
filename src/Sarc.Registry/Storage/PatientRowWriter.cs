using System.Data;
using System.Data.Common;
using Sarc.Registry.Domain;
using R = Sarc.Registry.Codes.RegistryCodes;

namespace Sarc.Registry.Storage;

/// <summary>
/// Writes the rows of patients inside one transaction, with one prepared statement per table reused for every row
/// (an import of 100,000 patients runs about 700,000 inserts). A patient's list entries are written in their canonical
/// order, <c>seq</c> 1, 2, ...; a change to a patient rewrites its rows and counts its row version up by one (an added
/// patient starts at version 1, the column's default).
/// </summary>
internal sealed class PatientRowWriter(RegistryDatabase db, DbTransaction tx) : IDisposable
{
    private const DbType Text = DbType.String, Date = DbType.Date, Real = DbType.Double, Int = DbType.Int32;

    /// <summary>The patient table, then its children, in the order their rows are inserted (parents before children).</summary>
    internal static readonly IReadOnlyList<PatientTable> Tables =
    [
        // The patient's own values, then its summary (migration 8), written from the record with every write of it.
        new("patient", ["id", "center", "sex", "birth_date", "smoking", "bmi", "charlson", "histology", "site", "grade", "primary_surgery_date",
                "local_recurrence_date", "distant_metastasis_date", "death_date", "last_contact_date", "last_followup_status"],
            [Text, Text, Text, Date, Text, Real, Int, Text, Text, Text, Date, Date, Date, Date, Date, Text], (c, r) =>
        {
            c.Text(0, r.Id);
            PatientValues(c, 1, r);
            c.Execute();
        }),
        new("tumor", ["patient_id", "seq", "diagnosis_date", "histology", "site", "depth", "size_cm", "grade", "metastatic_at_diagnosis"],
            [Text, Int, Date, Text, Text, Text, Real, Text, Text], WriteTumor),
        new("surgery", ["patient_id", "seq", "surgery_date", "kind", "target", "margin", "necrosis_pct", "lesions", "max_lesion_cm", "clavien_dindo", "wound_complication"],
            [Text, Int, Date, Text, Text, Text, Real, Int, Real, Text, Text], WriteSurgeries),
        new("radiotherapy", ["patient_id", "seq", "setting", "target", "dose_gy", "fractions", "start_date", "end_date", "late_toxicity_grade"],
            [Text, Int, Text, Text, Real, Int, Date, Date, Int], WriteRadiotherapy),
        new("systemic", ["patient_id", "seq", "regimen", "intent", "start_date", "end_date"], [Text, Int, Text, Text, Date, Date], WriteSystemic),
        new("outcome_event", ["patient_id", "kind", "seq", "event_date", "death_cause", "site", "lesions", "max_lesion_cm"],
            [Text, Text, Int, Date, Text, Text, Int, Real], WriteEvents),
        new("followup", ["patient_id", "seq", "contact_date", "status"], [Text, Int, Date, Text], WriteFollowUps),
    ];

    private readonly List<IRowCommand> commands = [];
    private IRowCommand[]? inserts, deleteChildren;
    private IRowCommand? updatePatient, deletePatient;

    /// <summary>Inserts every row of a new patient.</summary>
    public void Insert(PatientRecord record) => InsertRows(record, 0);

    /// <summary>
    /// Inserts every row of new patients by one binary COPY per table (<see cref="RegistryDatabase.BeginCopy"/>; the
    /// store must support it), calling <paramref name="sent"/> with the index in <see cref="Tables"/> and in
    /// <paramref name="records"/> as each patient's rows of each table are sent (all of a patient's rows are sent once
    /// the last table's are). Rows queued by other statements of the transaction must have been flushed
    /// (<see cref="RegistryDatabase.FlushRows"/>).
    /// </summary>
    public void Copy(IReadOnlyList<PatientRecord> records, Action<int, int> sent)
    {
        for (var t = 0; t < Tables.Count; t++)
        {
            var table = Tables[t];
            using (var copy = db.BeginCopy(tx, table.Name, table.Columns, table.Types))
            {
                for (var i = 0; i < records.Count; i++)
                {
                    table.WriteRows(copy, records[i]);
                    sent(t, i);
                }
                copy.Complete();
            }
            FaultPoints.Reach(FaultPoints.Copied);
            Sarc.Statistics.Stages.Mark($"import: COPY {table.Name}");
        }
    }

    /// <summary>Replaces every row of a stored patient by those of <paramref name="record"/>.</summary>
    public void Replace(PatientRecord record)
    {
        // Every column of the patient table after the id, in its order, then the id.
        var patient = Tables[0];
        var values = patient.Columns.Count - 1;
        updatePatient ??= Prepare($"UPDATE patient SET {string.Join(", ", patient.Columns.Skip(1).Select(c => $"{c} = @{c}"))}, version = version + 1 WHERE id = @id",
            [.. patient.Types.Skip(1), DbType.String]);
        PatientValues(updatePatient, 0, record);
        updatePatient.Text(values, record.Id);
        updatePatient.Execute();
        DeleteChildren(record.Id);
        InsertRows(record, 1);
    }

    public void Delete(string patientId)
    {
        DeleteChildren(patientId);
        deletePatient ??= Prepare("DELETE FROM patient WHERE id = @id", DbType.String);
        deletePatient.Text(0, patientId);
        deletePatient.Execute();
    }

    public void Dispose()
    {
        foreach (var command in commands)
        {
            command.Dispose();
        }
    }

    private void DeleteChildren(string patientId)
    {
        deleteChildren ??= [.. Tables.Skip(1).Select(t => Prepare($"DELETE FROM {t.Name} WHERE patient_id = @id", DbType.String))];
        foreach (var delete in deleteChildren)
        {
            delete.Text(0, patientId);
            delete.Execute();
        }
    }

    /// <summary>Inserts the record's rows of <see cref="Tables"/> from index <paramref name="first"/> on, one prepared statement per table.</summary>
    private void InsertRows(PatientRecord record, int first)
    {
        inserts ??= new IRowCommand[Tables.Count];
        for (var t = first; t < Tables.Count; t++)
        {
            var table = Tables[t];
            table.WriteRows(inserts[t] ??= Prepare(table.InsertSql, [.. table.Types]), record);
        }
    }

    private static void WriteTumor(IRowCommand tumor, PatientRecord record)
    {
        var t = record.Tumor;
        tumor.Text(0, record.Id);
        tumor.Integer(1, 1);
        tumor.Date(2, t.DiagnosisDate);
        tumor.Text(3, t.Histology);
        tumor.Text(4, R.Site.Code(t.Site));
        tumor.Text(5, Code(R.Depth.Code(t.Depth)));
        tumor.Real(6, t.SizeCm);
        tumor.Text(7, R.Grade.Code(t.Grade));
        tumor.Text(8, Code(R.Code(t.MetastaticAtDiagnosis)));
        tumor.Execute();
    }

    private static void WriteSurgeries(IRowCommand surgery, PatientRecord record)
    {
        for (var i = 0; i < record.Surgeries.Count; i++)
        {
            var s = record.Surgeries[i];
            surgery.Text(0, record.Id);
            surgery.Integer(1, i + 1);
            surgery.Date(2, s.Date);
            surgery.Text(3, R.SurgeryKind.Code(s.Kind));
            surgery.Text(4, Code(R.Target.Code(s.Target)));
            surgery.Text(5, Code(R.Margin.Code(s.Margin)));
            surgery.Real(6, s.NecrosisPct);
            surgery.Integer(7, s.Lesions);
            surgery.Real(8, s.MaxLesionCm);
            surgery.Text(9, Code(R.ClavienDindo.Code(s.ClavienDindo)));
            surgery.Text(10, Code(R.Code(s.WoundComplication)));
            surgery.Execute();
        }
    }

    private static void WriteRadiotherapy(IRowCommand radiotherapy, PatientRecord record)
    {
        for (var i = 0; i < record.Radiotherapy.Count; i++)
        {
            var c = record.Radiotherapy[i];
            radiotherapy.Text(0, record.Id);
            radiotherapy.Integer(1, i + 1);
            radiotherapy.Text(2, Code(R.RadiotherapySetting.Code(c.Setting)));
            radiotherapy.Text(3, Code(R.RadiotherapyTarget.Code(c.Target)));
            radiotherapy.Real(4, c.DoseGy);
            radiotherapy.Integer(5, c.Fractions);
            radiotherapy.Date(6, c.StartDate);
            radiotherapy.Date(7, c.EndDate);
            radiotherapy.Integer(8, c.LateToxicityGrade);
            radiotherapy.Execute();
        }
    }

    private static void WriteSystemic(IRowCommand systemic, PatientRecord record)
    {
        for (var i = 0; i < record.Systemic.Count; i++)
        {
            var l = record.Systemic[i];
            systemic.Text(0, record.Id);
            systemic.Integer(1, i + 1);
            systemic.Text(2, l.Regimen);
            systemic.Text(3, Code(R.SystemicIntent.Code(l.Intent)));
            systemic.Date(4, l.StartDate);
            systemic.Date(5, l.EndDate);
            systemic.Execute();
        }
    }

    private static void WriteEvents(IRowCommand outcome, PatientRecord record)
    {
        for (var i = 0; i < record.Events.Count; i++)
        {
            var e = record.Events[i];
            outcome.Text(0, record.Id);
            outcome.Text(1, R.EventKind.Code(e.Kind));
            outcome.Integer(2, i + 1);
            outcome.Date(3, e.Date);
            outcome.Text(4, Code(R.DeathCause.Code(e.Cause)));
            outcome.Text(5, Code(R.Target.Code(e.Site)));
            outcome.Integer(6, e.Lesions);
            outcome.Real(7, e.MaxLesionCm);
            outcome.Execute();
        }
    }

    private static void WriteFollowUps(IRowCommand followup, PatientRecord record)
    {
        for (var i = 0; i < record.FollowUps.Count; i++)
        {
            var f = record.FollowUps[i];
            followup.Text(0, record.Id);
            followup.Integer(1, i + 1);
            followup.Date(2, f.Date);
            followup.Text(3, Code(R.FollowUpStatus.Code(f.Status)));
            followup.Execute();
        }
    }

    /// <summary>The patient table's columns after the id (center ... charlson, then the summary) from parameter <paramref name="first"/> on.</summary>
    private static void PatientValues(IRowCommand command, int first, PatientRecord record)
    {
        var p = record.Patient;
        var c = record.Comorbidity;
        command.Text(first, p.Center);
        command.Text(first + 1, R.Sex.Code(p.Sex));
        command.Date(first + 2, p.BirthDate);
        command.Text(first + 3, Code(R.Smoking.Code(c.Smoking)));
        command.Real(first + 4, c.Bmi);
        command.Integer(first + 5, c.Charlson);
        var s = PatientSummary.Of(record);
        command.Text(first + 6, s.Histology);
        command.Text(first + 7, R.Site.Code(s.Site));
        command.Text(first + 8, R.Grade.Code(s.Grade));
        command.Date(first + 9, s.PrimarySurgeryDate);
        command.Date(first + 10, s.FirstLocalRecurrence);
        command.Date(first + 11, s.FirstDistantMetastasis);
        command.Date(first + 12, s.Death);
        command.Date(first + 13, s.LastContact);
        command.Text(first + 14, Code(R.FollowUpStatus.Code(s.LastFollowUpStatus)));
    }

    /// <summary>A code cell as a column value: "" (not recorded) is NULL.</summary>
    private static string? Code(string cell) => cell.Length == 0 ? null : cell;

    private IRowCommand Prepare(string sql, params DbType[] types)
    {
        var command = db.PrepareRow(tx, sql, types);
        commands.Add(command);
        return command;
    }
}
