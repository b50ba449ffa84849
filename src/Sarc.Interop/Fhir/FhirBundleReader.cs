using System.Globalization;
using Hl7.Fhir.Model;
using Sarc.Registry.LongFormat;

namespace Sarc.Interop.Fhir;

/// <summary>
/// Reads a bundle as <see cref="FhirExporter"/> writes it back into long-format rows: the <c>Patient</c> (id from its
/// identifier in <see cref="Mcode.SarcPatientId"/>), the primary and secondary cancer <c>Condition</c>s, surgery and
/// radiotherapy <c>Procedure</c>s, <c>MedicationAdministration</c>s, disease-status <c>Observation</c>s, and every
/// <c>Observation</c> coded in <see cref="Mcode.SarcObservation"/> into the row of what it is about (<c>partOf</c>, else
/// <c>focus</c>, else the patient). Resources it does not know (a stage group, derived from the rest) are skipped.
/// </summary>
internal static class FhirBundleReader
{
    /// <summary>The rows, each row's origin (<c>entry 5 (Procedure)</c>), every problem, and the number of patients.</summary>
    public static (Dictionary<LongFile, IReadOnlyList<string[]>> Rows, Dictionary<LongFile, List<string>> Origins, List<string> Problems, int Patients) Read(Bundle bundle)
    {
        var rows = LongFiles.All.ToDictionary(f => f, _ => new List<string[]>());
        var origins = LongFiles.All.ToDictionary(f => f, _ => new List<string>());
        var problems = new List<string>();
        var patientOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var rowOf = new Dictionary<string, (LongFile File, string[] Row)>(StringComparer.Ordinal);
        var patientRow = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var deathRow = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string Where(int i, Resource r) => $"entry {i + 1} ({r.TypeName})";
        string[] NewRow(LongFile file, string id, string where)
        {
            var row = new string[file.Columns.Count];
            Array.Fill(row, "");
            row[0] = id;
            rows[file].Add(row);
            origins[file].Add(where);
            return row;
        }
        var entries = bundle.Entry.Select((e, i) => (Entry: e, Index: i, Resource: e.Resource!)).Where(e => e.Resource is not null).ToList();
        foreach (var (entry, i, resource) in entries.Where(e => e.Resource is Patient))
        {
            var patient = (Patient)resource;
            var id = patient.Identifier.FirstOrDefault(x => x.System == Mcode.SarcPatientId)?.Value;
            if (string.IsNullOrEmpty(id))
            {
                problems.Add($"{Where(i, patient)}: no identifier with system {Mcode.SarcPatientId} (the patient id)");
                continue;
            }
            var p = LongFiles.Patients;
            var row = NewRow(p, id, Where(i, patient));
            row[p.IndexOf("center")] = patient.ManagingOrganization?.Display ?? "";
            row[p.IndexOf("sex")] = patient.Gender switch { AdministrativeGender.Male => "M", AdministrativeGender.Female => "F", _ => "" };
            row[p.IndexOf("birth_date")] = patient.BirthDate ?? "";
            patientRow[id] = row;
            if (entry.FullUrl is { } url)
            {
                patientOf[url] = id;
            }
            if (patient.Deceased is FhirDateTime { Value: { } died })
            {
                var death = NewRow(LongFiles.Events, id, Where(i, patient));
                death[LongFiles.Events.IndexOf("date")] = Date(died);
                death[LongFiles.Events.IndexOf("kind")] = "death";
                deathRow[id] = death;
            }
        }
        string? PatientId(int i, Resource resource, ResourceReference? subject)
        {
            if (subject?.Reference is { } reference && patientOf.TryGetValue(reference, out var id))
            {
                return id;
            }
            problems.Add($"{Where(i, resource)}: subject '{subject?.Reference}' is not a Patient of the bundle");
            return null;
        }
        void Set(string[] row, LongFile file, string column, string value) => row[file.IndexOf(column)] = value;
        foreach (var (entry, i, resource) in entries.Where(e => e.Resource is not (Patient or Observation)))
        {
            var where = Where(i, resource);
            switch (resource)
            {
                case Condition c when c.Meta?.Profile.Contains(Mcode.PrimaryCancerCondition) == true:
                {
                    if (PatientId(i, c, c.Subject) is not { } id || !patientRow.TryGetValue(id, out var row))
                    {
                        break;
                    }
                    var p = LongFiles.Patients;
                    Set(row, p, "diagnosis_date", c.Onset is FhirDateTime { Value: { } onset } ? Date(onset) : "");
                    Set(row, p, "histology", (c.GetExtensionValue<CodeableConcept>(Mcode.HistologyMorphologyBehavior))?.Coding.FirstOrDefault(x => x.System == Mcode.IcdO3)?.Code ?? "");
                    Set(row, p, "site", c.BodySite.Select(b => FhirValues.Code(b, p, "site")).FirstOrDefault(s => s.Length > 0) ?? "");
                    Remember(entry, p, row);
                    break;
                }
                case Condition c:
                    Dated(entry, i, c, c.Subject, LongFiles.Events, c.Onset, c.Code, c.BodySite, "site");
                    break;
                case Procedure pr when pr.Code?.Coding.Any(x => x.System == Mcode.Snomed && x.Code == Mcode.RadiotherapyCourseCode) == true:
                {
                    if (PatientId(i, pr, pr.Subject) is not { } id)
                    {
                        break;
                    }
                    var f = LongFiles.Radiotherapy;
                    var row = NewRow(f, id, where);
                    Set(row, f, "setting", FhirValues.Code(pr.Category, f, "setting"));
                    Set(row, f, "target", pr.BodySite.Select(b => FhirValues.Code(b, f, "target")).FirstOrDefault(s => s.Length > 0) ?? "");
                    if (pr.Performed is Period period)
                    {
                        Set(row, f, "start_date", period.Start is { } s ? Date(s) : "");
                        Set(row, f, "end_date", period.End is { } e ? Date(e) : "");
                    }
                    var dose = pr.GetExtension(Mcode.DoseDeliveredToVolume);
                    if (dose?.GetExtensionValue<Quantity>("totalDoseDelivered") is { Value: { } cGy } quantity)
                    {
                        if (quantity.Code is not (null or "cGy"))
                        {
                            problems.Add($"{where}: totalDoseDelivered is in '{quantity.Code}'; expected cGy");
                        }
                        Set(row, f, "dose_gy", FhirValues.Number(cGy / 100));
                    }
                    if (dose?.GetExtensionValue<UnsignedInt>("fractionsDelivered") is { Value: { } fractions })
                    {
                        Set(row, f, "fractions", fractions.ToString(CultureInfo.InvariantCulture));
                    }
                    Remember(entry, f, row);
                    break;
                }
                case Procedure pr:
                    Dated(entry, i, pr, pr.Subject, LongFiles.Surgeries, pr.Performed, pr.Code, pr.BodySite, "target");
                    break;
                case MedicationAdministration m:
                {
                    if (PatientId(i, m, m.Subject) is not { } id)
                    {
                        break;
                    }
                    var f = LongFiles.Systemic;
                    var row = NewRow(f, id, where);
                    Set(row, f, "regimen", (m.Medication as CodeableConcept)?.Text ?? "");
                    Set(row, f, "intent", FhirValues.Code(m.Category, f, "intent"));
                    if (m.Effective is Period period)
                    {
                        Set(row, f, "start_date", period.Start is { } s ? Date(s) : "");
                        Set(row, f, "end_date", period.End is { } e ? Date(e) : "");
                    }
                    else if (m.Effective is FhirDateTime { Value: { } day })
                    {
                        Set(row, f, "start_date", Date(day));
                    }
                    Remember(entry, f, row);
                    break;
                }
            }
        }
        foreach (var (entry, i, resource) in entries.Where(e => e.Resource is Observation))
        {
            var o = (Observation)resource;
            var where = Where(i, o);
            var code = o.Code?.Coding.FirstOrDefault(x => x.System == Mcode.SarcObservation)?.Code;
            if (code is null || PatientId(i, o, o.Subject) is not { } id)
            {
                continue;
            }
            if (code == "followup.status")
            {
                var f = LongFiles.FollowUp;
                var row = NewRow(f, id, where);
                Set(row, f, "date", o.Effective is FhirDateTime { Value: { } day } ? Date(day) : "");
                Set(row, f, "status", FhirValues.Cell(f, "status", o.Value));
                continue;
            }
            var dot = code.IndexOf('.', StringComparison.Ordinal);
            var file = dot > 0 ? LongFiles.Named(code[..dot]) : null;
            var column = dot > 0 ? code[(dot + 1)..] : "";
            if (file is null || !file.Columns.Contains(column) || column == "patient_id")
            {
                problems.Add($"{where}: code '{code}' of {Mcode.SarcObservation} names no long-format column");
                continue;
            }
            var about = o.PartOf.Select(r => r.Reference).Concat(o.Focus.Select(r => r.Reference)).FirstOrDefault(r => r is not null && rowOf.ContainsKey(r));
            string[]? target = about is not null ? rowOf[about].Row : null;
            var targetFile = about is not null ? rowOf[about].File : null;
            if (target is null)
            {
                (targetFile, target) = file == LongFiles.Events && column == "cause"
                    ? (LongFiles.Events, deathRow.GetValueOrDefault(id))
                    : (LongFiles.Patients, patientRow.GetValueOrDefault(id));
            }
            if (target is null || targetFile != file)
            {
                problems.Add($"{where}: {code} is not about a {file.Name} entry of patient {id}");
                continue;
            }
            Set(target, file, column, FhirValues.Cell(file, column, o.Value));
        }
        return (rows.ToDictionary(p => p.Key, p => (IReadOnlyList<string[]>)p.Value), origins, problems, patientRow.Count);

        // An event or a surgery: a dated entry with a kind and a site.
        void Dated(Bundle.EntryComponent entry, int i, Resource resource, ResourceReference? subject, LongFile f, DataType? date, CodeableConcept? kind,
            List<CodeableConcept> sites, string siteColumn)
        {
            if (PatientId(i, resource, subject) is not { } id)
            {
                return;
            }
            var row = NewRow(f, id, Where(i, resource));
            Set(row, f, "date", date is FhirDateTime { Value: { } day } ? Date(day) : "");
            Set(row, f, "kind", FhirValues.Code(kind, f, "kind"));
            Set(row, f, siteColumn, sites.Select(b => FhirValues.Code(b, f, siteColumn)).FirstOrDefault(s => s.Length > 0) ?? "");
            Remember(entry, f, row);
        }

        void Remember(Bundle.EntryComponent entry, LongFile file, string[] row)
        {
            if (entry.FullUrl is { } url)
            {
                rowOf[url] = (file, row);
            }
        }
    }

    /// <summary>The date part <c>YYYY-MM-DD</c> of a FHIR date or dateTime.</summary>
    private static string Date(string value) => value.Length >= 10 ? value[..10] : value;
}
