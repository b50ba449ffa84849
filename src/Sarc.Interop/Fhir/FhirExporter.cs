using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using Sarc.Registry.Domain;
using Patient = Hl7.Fhir.Model.Patient;
using Sarc.Registry.LongFormat;

namespace Sarc.Interop.Fhir;

/// <summary>
/// <c>sarc fhir export</c>: the registry (or one patient) as a FHIR R4 <c>Bundle</c> of type <c>collection</c> with
/// mCODE-shaped resources, each naming its mCODE profile in <c>meta.profile</c> (docs/fhir.md lists them): the
/// <c>Patient</c>, the primary cancer <c>Condition</c> with its ICD-O-3 morphology and body site, the AJCC 8th stage
/// group, tumour size (LOINC 21889-1) and margin (NAACCR item 1320) <c>Observation</c>s, a <c>Procedure</c> per surgery
/// and per radiotherapy course (SNOMED 1217123003, dose in cGy, fractions), a <c>MedicationAdministration</c> per
/// systemic line, a <c>Condition</c> per recurrence and metastasis, the death on the <c>Patient</c>, and a disease-status
/// <c>Observation</c> per follow-up contact. Every other registry value is an <c>Observation</c> coded in Sarc's
/// system, so that <see cref="FhirImporter"/> reads the same registry back. Resource ids are derived from the patient
/// id, so the same registry gives the same bundle.
/// </summary>
public static class FhirExporter
{
    /// <summary>The bundle of <paramref name="records"/>, in patient id order.</summary>
    public static Bundle Export(IEnumerable<PatientRecord> records)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        foreach (var record in records.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            new PatientResources(record, bundle).Add();
        }
        return bundle;
    }

    private sealed class PatientResources(PatientRecord record, Bundle bundle)
    {
        private int count;

        public void Add()
        {
            var p = LongFiles.Patients;
            var cells = LongFormatWriter.PatientCells(record);
            string Cell(string column) => cells[p.IndexOf(column)];
            var patient = new Patient
            {
                Identifier = [new Identifier(Mcode.SarcPatientId, record.Id)],
                Gender = record.Patient.Sex == Sex.Male ? AdministrativeGender.Male : AdministrativeGender.Female,
                BirthDate = Cell("birth_date"),
                ManagingOrganization = new ResourceReference { Display = record.Patient.Center },
            };
            if (record.Death is { } death)
            {
                patient.Deceased = new FhirDateTime(Sarc.Registry.Codes.CellText.Date(death.Date));
            }
            var subject = Add(patient, Mcode.CancerPatient);
            var tumor = new Condition
            {
                ClinicalStatus = Concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
                VerificationStatus = Concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
                Category = [Concept("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item")],
                Code = new CodeableConcept { Text = record.Tumor.HistologyName ?? "soft-tissue sarcoma" },
                BodySite = [Site(p, "site", Cell("site"))],
                Subject = subject,
                Onset = new FhirDateTime(Cell("diagnosis_date")),
            };
            tumor.Extension.Add(new Extension(Mcode.HistologyMorphologyBehavior, new CodeableConcept(Mcode.IcdO3, record.Tumor.Histology)));
            var primary = Add(tumor, Mcode.PrimaryCancerCondition);
            if (record.AjccStage is { } stage)
            {
                Add(new Observation
                {
                    Status = ObservationStatus.Final,
                    Code = new CodeableConcept(Mcode.Loinc, Mcode.StageGroupCode, "Stage group.clinical Cancer"),
                    Subject = subject,
                    Focus = [primary],
                    Effective = new FhirDateTime(Cell("diagnosis_date")),
                    Method = new CodeableConcept(Mcode.Snomed, Mcode.Ajcc8Code, "American Joint Commission on Cancer, Cancer Staging Manual, 8th edition neoplasm staging system"),
                    Value = new CodeableConcept(Mcode.Ajcc, stage, $"Stage {stage}"),
                }, Mcode.TnmStageGroup);
            }
            foreach (var column in new[] { "depth", "size_cm", "grade", "metastatic_at_diagnosis" })
            {
                Detail(p, column, Cell(column), subject, focus: primary, date: Cell("diagnosis_date"));
            }
            foreach (var column in new[] { "smoking", "bmi", "charlson" })
            {
                Detail(p, column, Cell(column), subject, focus: null, date: Cell("diagnosis_date"));
            }
            Surgeries(subject, primary);
            Radiotherapy(subject, primary);
            Systemic(subject, primary);
            Events(subject, primary, Cell("site"));
            FollowUps(subject, primary);
        }

        private void Surgeries(ResourceReference subject, ResourceReference primary)
        {
            var f = LongFiles.Surgeries;
            foreach (var cell in Rows(f))
            {
                var procedure = Procedure(Coded(f, "kind", cell("kind"), withText: true), subject, primary);
                procedure.Performed = new FhirDateTime(cell("date"));
                if (cell("target") is { Length: > 0 } target)
                {
                    procedure.BodySite = [Site(f, "target", target)];
                }
                var surgery = Add(procedure, Mcode.SurgicalProcedure);
                foreach (var column in new[] { "margin", "necrosis_pct", "lesions", "max_lesion_cm", "clavien_dindo", "wound_complication" })
                {
                    Detail(f, column, cell(column), subject, focus: null, date: cell("date"), partOf: surgery);
                }
            }
        }

        private void Radiotherapy(ResourceReference subject, ResourceReference primary)
        {
            var f = LongFiles.Radiotherapy;
            foreach (var cell in Rows(f))
            {
                var procedure = Procedure(new CodeableConcept(Mcode.Snomed, Mcode.RadiotherapyCourseCode, "Radiotherapy course of treatment (regime/therapy)"), subject, primary);
                if (cell("start_date").Length > 0 || cell("end_date").Length > 0)
                {
                    procedure.Performed = new Period
                    {
                        Start = cell("start_date") is { Length: > 0 } s ? s : null,
                        End = cell("end_date") is { Length: > 0 } e ? e : null,
                    };
                }
                if (cell("setting") is { Length: > 0 } setting)
                {
                    procedure.Category = Coded(f, "setting", setting);
                }
                if (cell("target") is { Length: > 0 } target)
                {
                    procedure.BodySite = [Coded(f, "target", target)];
                }
                var dose = new Extension { Url = Mcode.DoseDeliveredToVolume };
                dose.Extension.Add(new Extension("totalDoseDelivered", FhirValues.Quantity(FhirValues.Decimal(cell("dose_gy")) * 100, "cGy")));
                dose.Extension.Add(new Extension("fractionsDelivered", new UnsignedInt(int.Parse(cell("fractions"), System.Globalization.CultureInfo.InvariantCulture))));
                procedure.Extension.Add(dose);
                var course = Add(procedure, Mcode.RadiotherapyCourseSummary);
                Detail(f, "late_toxicity_grade", cell("late_toxicity_grade"), subject, focus: null, date: cell("end_date"), partOf: course);
            }
        }

        private void Systemic(ResourceReference subject, ResourceReference primary)
        {
            var f = LongFiles.Systemic;
            foreach (var cell in Rows(f))
            {
                var line = new MedicationAdministration
                {
                    Status = cell("end_date").Length > 0
                        ? MedicationAdministration.MedicationAdministrationStatusCodes.Completed
                        : MedicationAdministration.MedicationAdministrationStatusCodes.InProgress,
                    Medication = cell("regimen") is { Length: > 0 } regimen
                        ? new CodeableConcept { Text = regimen }
                        : new CodeableConcept { Coding = [new Coding("http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown")] },
                    Subject = subject,
                    Effective = new Period { Start = cell("start_date"), End = cell("end_date") is { Length: > 0 } e ? e : null },
                    ReasonReference = [primary],
                };
                if (cell("intent") is { Length: > 0 } intent)
                {
                    line.Category = Coded(f, "intent", intent);
                }
                Add(line, Mcode.MedicationAdministration);
            }
        }

        private void Events(ResourceReference subject, ResourceReference primary, string primarySite)
        {
            var f = LongFiles.Events;
            foreach (var cell in Rows(f))
            {
                if (cell("kind") == "death")
                {
                    Detail(f, "cause", cell("cause"), subject, focus: null, date: cell("date"));
                    continue;
                }
                var local = cell("kind") == "local_recurrence";
                var condition = new Condition
                {
                    ClinicalStatus = Concept("http://terminology.hl7.org/CodeSystem/condition-clinical", local ? "recurrence" : "active"),
                    VerificationStatus = Concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
                    Code = Coded(f, "kind", cell("kind"), withText: true),
                    Subject = subject,
                    Onset = new FhirDateTime(cell("date")),
                };
                if (cell("site") is { Length: > 0 } site)
                {
                    condition.BodySite = [Site(f, "site", site)];
                }
                else if (local)
                {
                    condition.BodySite = [Site(LongFiles.Patients, "site", primarySite, sarcCoding: false)];
                }
                condition.Extension.Add(new Extension("http://hl7.org/fhir/StructureDefinition/condition-related", primary));
                var secondary = Add(condition, Mcode.SecondaryCancerCondition);
                foreach (var column in new[] { "lesions", "max_lesion_cm" })
                {
                    Detail(f, column, cell(column), subject, focus: secondary, date: cell("date"));
                }
            }
        }

        private void FollowUps(ResourceReference subject, ResourceReference primary)
        {
            var f = LongFiles.FollowUp;
            foreach (var cell in Rows(f))
            {
                var observation = new Observation
                {
                    Status = ObservationStatus.Final,
                    Code = new CodeableConcept
                    {
                        Coding = [new Coding(Mcode.Loinc, Mcode.DiseaseStatusCode, "Cancer disease progression"), new Coding(Mcode.SarcObservation, "followup.status")],
                    },
                    Subject = subject,
                    Focus = [primary],
                    Effective = new FhirDateTime(cell("date")),
                };
                if (cell("status") is { Length: > 0 } status)
                {
                    var value = Coded(f, "status", status);
                    if (status == "ned")
                    {
                        value.Coding.Insert(0, new Coding(Mcode.Snomed, "260415000", "Not detected (qualifier value)"));
                    }
                    observation.Value = value;
                }
                else
                {
                    observation.DataAbsentReason = Concept("http://terminology.hl7.org/CodeSystem/data-absent-reason", "unknown");
                }
                Add(observation, Mcode.CancerDiseaseStatus);
            }
        }

        /// <summary>An Observation holding one registry value (none when the cell is empty), coded by its column.</summary>
        private void Detail(LongFile file, string column, string cell, ResourceReference subject, ResourceReference? focus, string date, ResourceReference? partOf = null)
        {
            if (cell.Length == 0)
            {
                return;
            }
            var code = new CodeableConcept { Coding = [new Coding(Mcode.SarcObservation, $"{file.Name}.{column}")] };
            string? profile = null;
            var value = FhirValues.Value(file, column, cell);
            switch ($"{file.Name}.{column}")
            {
                case "patients.size_cm":
                    code.Coding.Insert(0, new Coding(Mcode.Loinc, Mcode.TumorSizeCode, "Size.maximum dimension in Tumor"));
                    profile = Mcode.TumorSize;
                    break;
                case "patients.smoking":
                    code.Coding.Insert(0, new Coding(Mcode.Loinc, "72166-2", "Tobacco smoking status"));
                    break;
                case "patients.bmi":
                    code.Coding.Insert(0, new Coding(Mcode.Loinc, "39156-5", "Body mass index (BMI) [Ratio]"));
                    break;
                case "surgeries.margin":
                    code.Coding.Insert(0, new Coding(Mcode.Naaccr, Mcode.MarginItem, "RX Summ--Surgical Margins"));
                    ((CodeableConcept)value).Coding.Insert(0, new Coding($"{Mcode.Naaccr}/{Mcode.MarginItem}", Mcode.NaaccrMargin[cell]));
                    break;
            }
            var observation = new Observation
            {
                Status = ObservationStatus.Final,
                Code = code,
                Subject = subject,
                Value = value,
            };
            if (date.Length > 0)
            {
                observation.Effective = new FhirDateTime(date);
            }
            if (focus is not null)
            {
                observation.Focus = [focus];
            }
            if (partOf is not null)
            {
                observation.PartOf = [partOf];
            }
            Add(observation, profile);
        }

        private static CodeableConcept Site(LongFile file, string column, string code, bool sarcCoding = true)
        {
            var concept = new CodeableConcept();
            if (file == LongFiles.Patients && Mcode.SiteSnomed.TryGetValue(code, out var snomed))
            {
                concept.Coding.Add(new Coding(Mcode.Snomed, snomed.Code, snomed.Display));
            }
            if (sarcCoding)
            {
                concept.Coding.Add(FhirValues.Coding(file, column, code));
            }
            concept.Text = FhirValues.Coding(file, column, code).Display;
            return concept;
        }

        private static CodeableConcept Concept(string system, string code) => new(system, code);

        /// <summary>A registry code of <paramref name="file"/>'s <paramref name="column"/> in Sarc's system, and its display as the text when <paramref name="withText"/>.</summary>
        private static CodeableConcept Coded(LongFile file, string column, string code, bool withText = false)
        {
            var coding = FhirValues.Coding(file, column, code);
            return new CodeableConcept { Coding = [coding], Text = withText ? coding.Display : null };
        }

        /// <summary>A completed procedure on <paramref name="subject"/> for the primary cancer (its reason).</summary>
        private static Procedure Procedure(CodeableConcept code, ResourceReference subject, ResourceReference primary) => new()
        {
            Status = EventStatus.Completed,
            Code = code,
            Subject = subject,
            ReasonReference = [primary],
        };

        /// <summary>The record's rows of <paramref name="file"/>, each as its cells looked up by column name.</summary>
        private IEnumerable<Func<string, string>> Rows(LongFile file) =>
            LongFormatWriter.RowsOf(record, file).Select(cells => (Func<string, string>)(column => cells[file.IndexOf(column)]));

        private ResourceReference Add(Resource resource, string? profile)
        {
            var id = Id(record.Id, ++count);
            resource.Id = id;
            if (profile is not null)
            {
                resource.Meta = new Meta { Profile = [profile] };
            }
            var url = "urn:uuid:" + id;
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = url, Resource = resource });
            return new ResourceReference(url);
        }

        /// <summary>A UUID (version 5 layout) from the SHA-256 of the patient id and the resource's number.</summary>
        private static string Id(string patientId, int number)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"sarc fhir\n{patientId}\n{number}"));
            hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
        }
    }
}
