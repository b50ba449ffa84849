using Sarc.Registry.Domain;
using Sarc.Registry.LongFormat;

namespace Sarc.Interop.Pseudonymization;

/// <summary>
/// The registry with the HIPAA Safe Harbor identifiers removed, for data that leaves the hospital: each patient id
/// replaced by its keyed pseudonym, every date of a patient (birth date included) moved by the patient's one secret
/// shift of −180..+180 days (so every interval, and so every endpoint time and event, is unchanged), the birth date
/// reduced to the year of the shifted birth date, or <c>90+</c> for a patient older than 89 at the last contact, and the
/// free text (the systemic regimen) dropped unless it is kept on purpose. The center, codes and measurements stay.
/// </summary>
public static class Pseudonymizer
{
    /// <summary>What the birth year of a patient older than 89 becomes (the long-format import reads it back).</summary>
    public const string AgeOver89 = "90+";

    /// <summary>The pseudonymized records, in pseudonym order, with the <c>patients</c> cells to write for each (birth year only).</summary>
    public static PseudonymizedRegistry Apply(IReadOnlyList<PatientRecord> records, PseudonymKey key, bool keepText)
    {
        var result = new List<PatientRecord>(records.Count);
        var birth = new Dictionary<PatientRecord, string>(ReferenceEqualityComparer.Instance);
        foreach (var record in records)
        {
            var shifted = Shift(record, key.Pseudonym(record.Id), key.ShiftDays(record.Id), keepText);
            birth[shifted] = AgeInYears(record.Patient.BirthDate, record.LastContact) > 89
                ? AgeOver89
                : shifted.Patient.BirthDate.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            result.Add(shifted);
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new PseudonymizedRegistry(result, r =>
        {
            var cells = LongFormatWriter.PatientCells(r);
            cells[LongFiles.Patients.IndexOf("birth_date")] = birth[r];
            return cells;
        });
    }

    /// <summary>Whole years from <paramref name="birth"/> to <paramref name="date"/> (birthdays counted on the day).</summary>
    public static int AgeInYears(DateOnly birth, DateOnly date)
    {
        var age = date.Year - birth.Year;
        return date.Month < birth.Month || (date.Month == birth.Month && date.Day < birth.Day) ? age - 1 : age;
    }

    private static PatientRecord Shift(PatientRecord r, string pseudonym, int days, bool keepText)
    {
        DateOnly S(DateOnly d) => d.AddDays(days);
        DateOnly? N(DateOnly? d) => d?.AddDays(days);
        var p = r.Patient;
        return new PatientRecord(
            new Patient(pseudonym, p.Center, p.Sex, S(p.BirthDate)),
            r.Tumor with { DiagnosisDate = S(r.Tumor.DiagnosisDate) },
            r.Comorbidity,
            [.. r.Surgeries.Select(s => s with { Date = S(s.Date) })],
            [.. r.Radiotherapy.Select(c => c with { StartDate = N(c.StartDate), EndDate = N(c.EndDate) })],
            [.. r.Systemic.Select(l => l with { Regimen = keepText ? l.Regimen : null, StartDate = S(l.StartDate), EndDate = N(l.EndDate) })],
            [.. r.Events.Select(e => e with { Date = S(e.Date) })],
            [.. r.FollowUps.Select(f => f with { Date = S(f.Date) })]);
    }
}
