namespace Sarc.Interop.Fhir;

/// <summary>
/// The mCODE (http://hl7.org/fhir/us/mcode) profiles, extensions and codes the FHIR export writes, and the code systems
/// it names. Where mCODE has no element for a registry value, the value is an <c>Observation</c> whose code is in Sarc's
/// own code system (<see cref="SarcObservation"/>), so that the bundle carries the whole registry.
/// </summary>
public static class Mcode
{
    /// <summary>The canonical URL prefix of every mCODE StructureDefinition named below.</summary>
    public const string Base = "http://hl7.org/fhir/us/mcode/StructureDefinition/";
    /// <summary>Profile of the <c>Patient</c> resource.</summary>
    public const string CancerPatient = Base + "mcode-cancer-patient";
    /// <summary>Profile of the <c>Condition</c> that is the primary sarcoma (histology, site, diagnosis date).</summary>
    public const string PrimaryCancerCondition = Base + "mcode-primary-cancer-condition";
    /// <summary>Profile of a <c>Condition</c> that is a metastasis (a distant metastasis event).</summary>
    public const string SecondaryCancerCondition = Base + "mcode-secondary-cancer-condition";
    /// <summary>Profile of the AJCC stage group <c>Observation</c>.</summary>
    public const string TnmStageGroup = Base + "mcode-tnm-stage-group";
    /// <summary>Profile of the tumor size <c>Observation</c> (greatest dimension, cm).</summary>
    public const string TumorSize = Base + "mcode-tumor-size";
    /// <summary>Profile of a surgery <c>Procedure</c>.</summary>
    public const string SurgicalProcedure = Base + "mcode-cancer-related-surgical-procedure";
    /// <summary>Profile of a radiotherapy course <c>Procedure</c> (dose in Gy, fractions, dates).</summary>
    public const string RadiotherapyCourseSummary = Base + "mcode-radiotherapy-course-summary";
    /// <summary>Profile of a systemic therapy <c>MedicationAdministration</c>.</summary>
    public const string MedicationAdministration = Base + "mcode-cancer-related-medication-administration";
    /// <summary>Profile of the disease status <c>Observation</c> at a follow-up contact.</summary>
    public const string CancerDiseaseStatus = Base + "mcode-cancer-disease-status";
    /// <summary>Extension of the primary condition carrying the ICD-O-3 morphology (histology) code.</summary>
    public const string HistologyMorphologyBehavior = Base + "mcode-histology-morphology-behavior";
    /// <summary>Extension of a radiotherapy course carrying the total dose delivered (in cGy, as mCODE asks).</summary>
    public const string DoseDeliveredToVolume = Base + "mcode-radiotherapy-dose-delivered-to-volume";

    /// <summary>The LOINC code system.</summary>
    public const string Loinc = "http://loinc.org";
    /// <summary>The SNOMED CT code system.</summary>
    public const string Snomed = "http://snomed.info/sct";
    /// <summary>UCUM, the system of units (<c>cm</c>, <c>cGy</c>).</summary>
    public const string Ucum = "http://unitsofmeasure.org";
    /// <summary>The ICD-O-3 code system (histology codes such as <c>8890/3</c>).</summary>
    public const string IcdO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
    /// <summary>The AJCC code system of stage groups.</summary>
    public const string Ajcc = "http://cancerstaging.org";
    /// <summary>The NAACCR data dictionary code system (the surgical margin item).</summary>
    public const string Naaccr = "http://naaccr.org/data-dictionary";

    /// <summary>LOINC 21889-1, size of the tumour (greatest dimension).</summary>
    public const string TumorSizeCode = "21889-1";

    /// <summary>LOINC 21908-9, stage group (clinical).</summary>
    public const string StageGroupCode = "21908-9";

    /// <summary>SNOMED 897275008, the AJCC 8th edition staging system (the stage group's method).</summary>
    public const string Ajcc8Code = "897275008";

    /// <summary>SNOMED 1217123003, radiotherapy course of treatment.</summary>
    public const string RadiotherapyCourseCode = "1217123003";

    /// <summary>NAACCR item 1320, RX Summ--Surgical Margins (mCODE has no margin element).</summary>
    public const string MarginItem = "1320";

    /// <summary>LOINC 97509-4, cancer disease progression (mCODE's disease status).</summary>
    public const string DiseaseStatusCode = "97509-4";

    /// <summary>Sarc's code systems: <c>{SarcSystem}{file}.{column}</c> for a column's codes.</summary>
    public const string SarcSystem = "https://github.com/sarc/sarc/fhir/CodeSystem/";

    /// <summary>The system of the Observation codes that name a long-format column (<c>surgeries.necrosis_pct</c>).</summary>
    public const string SarcObservation = SarcSystem + "observation";

    /// <summary>The identifier system of the patient id.</summary>
    public const string SarcPatientId = "https://github.com/sarc/sarc/fhir/patient-id";

    /// <summary>NAACCR item 1320 codes of the margins: 0 no residual tumour (R0), 2 microscopic (R1), 3 macroscopic (R2), 9 unknown (RX).</summary>
    public static IReadOnlyDictionary<string, string> NaaccrMargin { get; } = new Dictionary<string, string> { ["R0"] = "0", ["R1"] = "2", ["R2"] = "3", ["RX"] = "9" };

    /// <summary>SNOMED body structures of the primary sites (visceral has none here).</summary>
    public static IReadOnlyDictionary<string, (string Code, string Display)> SiteSnomed { get; } = new Dictionary<string, (string, string)>
    {
        ["extremity_lower"] = ("61685007", "Lower limb structure"),
        ["extremity_upper"] = ("53120007", "Upper limb structure"),
        ["trunk"] = ("22943007", "Trunk structure"),
        ["retroperitoneum"] = ("82849001", "Retroperitoneal structure"),
        ["head_neck"] = ("774007", "Structure of head and/or neck"),
    };
}
