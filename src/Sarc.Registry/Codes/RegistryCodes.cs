using Sarc.Registry.Domain;

namespace Sarc.Registry.Codes;

/// <summary>
/// Every code list of the registry, one table per enumeration with its text code and label (docs/formats.md lists
/// them). Import, export, storage, the CLI and the web all read these tables; nothing else spells a code.
/// </summary>
public static class RegistryCodes
{
    /// <summary>Sex: <c>M</c>, <c>F</c> (case-sensitive, as every code).</summary>
    public static CodeTable<Sex> Sex { get; } = new("sex",
        (Domain.Sex.Male, "M", "male"),
        (Domain.Sex.Female, "F", "female"));

    /// <summary>Primary tumor site: <c>extremity_lower</c>, <c>extremity_upper</c>, <c>trunk</c>, <c>retroperitoneum</c>, <c>head_neck</c>, <c>visceral</c>.</summary>
    public static CodeTable<TumorSite> Site { get; } = new("site",
        (TumorSite.ExtremityLower, "extremity_lower", "lower extremity"),
        (TumorSite.ExtremityUpper, "extremity_upper", "upper extremity"),
        (TumorSite.Trunk, "trunk", "trunk"),
        (TumorSite.Retroperitoneum, "retroperitoneum", "retroperitoneum"),
        (TumorSite.HeadNeck, "head_neck", "head and neck"),
        (TumorSite.Visceral, "visceral", "visceral"));

    /// <summary>Tumor depth: <c>superficial</c>, <c>deep</c>.</summary>
    public static CodeTable<TumorDepth> Depth { get; } = new("depth",
        (TumorDepth.Superficial, "superficial", "superficial"),
        (TumorDepth.Deep, "deep", "deep"));

    /// <summary>FNCLCC grade: <c>1</c>, <c>2</c>, <c>3</c>, <c>X</c>.</summary>
    public static CodeTable<FnclccGrade> Grade { get; } = new("grade",
        (FnclccGrade.G1, "1", "G1"),
        (FnclccGrade.G2, "2", "G2"),
        (FnclccGrade.G3, "3", "G3"),
        (FnclccGrade.GX, "X", "GX (not assessable)"));

    /// <summary>Smoking history: <c>never</c>, <c>former</c>, <c>current</c>.</summary>
    public static CodeTable<SmokingStatus> Smoking { get; } = new("smoking",
        (SmokingStatus.Never, "never", "never smoked"),
        (SmokingStatus.Former, "former", "former smoker"),
        (SmokingStatus.Current, "current", "current smoker"));

    /// <summary>Any yes/no field: <c>yes</c>, <c>no</c> (see <see cref="Code(bool?)"/>).</summary>
    public static CodeTable<YesNo> YesNo { get; } = new("yes/no",
        (Domain.YesNo.No, "no", "no"),
        (Domain.YesNo.Yes, "yes", "yes"));

    /// <summary>Surgery kind: <c>primary</c>, <c>re_excision</c>, <c>recurrence_resection</c>, <c>metastasectomy</c>.</summary>
    public static CodeTable<SurgeryKind> SurgeryKind { get; } = new("kind",
        (Domain.SurgeryKind.Primary, "primary", "primary surgery"),
        (Domain.SurgeryKind.ReExcision, "re_excision", "re-excision"),
        (Domain.SurgeryKind.RecurrenceResection, "recurrence_resection", "resection of a recurrence"),
        (Domain.SurgeryKind.Metastasectomy, "metastasectomy", "metastasectomy"));

    /// <summary>Where an operation was done or a metastasis found: <c>primary_site</c>, <c>lung</c>, <c>liver</c>, <c>bone</c>, <c>soft_tissue</c>, <c>other</c>.</summary>
    public static CodeTable<TargetSite> Target { get; } = new("target",
        (TargetSite.PrimarySite, "primary_site", "primary site"),
        (TargetSite.Lung, "lung", "lung"),
        (TargetSite.Liver, "liver", "liver"),
        (TargetSite.Bone, "bone", "bone"),
        (TargetSite.SoftTissue, "soft_tissue", "soft tissue"),
        (TargetSite.Other, "other", "other"));

    /// <summary>Resection margin: <c>R0</c>, <c>R1</c>, <c>R2</c>, <c>RX</c>.</summary>
    public static CodeTable<ResectionMargin> Margin { get; } = new("margin",
        (ResectionMargin.R0, "R0", "R0 (microscopically negative)"),
        (ResectionMargin.R1, "R1", "R1 (microscopic residual)"),
        (ResectionMargin.R2, "R2", "R2 (macroscopic residual)"),
        (ResectionMargin.RX, "RX", "RX (unknown)"));

    /// <summary>Clavien-Dindo grade: <c>none</c>, <c>I</c>, <c>II</c>, <c>IIIa</c>, <c>IIIb</c>, <c>IVa</c>, <c>IVb</c>, <c>V</c>.</summary>
    public static CodeTable<ClavienDindoGrade> ClavienDindo { get; } = new("clavien_dindo",
        (ClavienDindoGrade.None, "none", "no complication"),
        (ClavienDindoGrade.I, "I", "I"),
        (ClavienDindoGrade.II, "II", "II"),
        (ClavienDindoGrade.IIIa, "IIIa", "IIIa (intervention without general anaesthesia)"),
        (ClavienDindoGrade.IIIb, "IIIb", "IIIb (intervention under general anaesthesia)"),
        (ClavienDindoGrade.IVa, "IVa", "IVa (single-organ failure)"),
        (ClavienDindoGrade.IVb, "IVb", "IVb (multi-organ failure)"),
        (ClavienDindoGrade.V, "V", "V (death)"));

    /// <summary>Radiotherapy setting: <c>neoadjuvant</c>, <c>adjuvant</c>, <c>definitive</c>, <c>palliative</c>.</summary>
    public static CodeTable<RadiotherapySetting> RadiotherapySetting { get; } = new("setting",
        (Domain.RadiotherapySetting.Neoadjuvant, "neoadjuvant", "neoadjuvant"),
        (Domain.RadiotherapySetting.Adjuvant, "adjuvant", "adjuvant"),
        (Domain.RadiotherapySetting.Definitive, "definitive", "definitive"),
        (Domain.RadiotherapySetting.Palliative, "palliative", "palliative"));

    /// <summary>Radiotherapy target: <c>primary_site</c>, <c>metastasis</c>.</summary>
    public static CodeTable<RadiotherapyTarget> RadiotherapyTarget { get; } = new("target",
        (Domain.RadiotherapyTarget.PrimarySite, "primary_site", "primary site"),
        (Domain.RadiotherapyTarget.Metastasis, "metastasis", "metastasis"));

    /// <summary>Systemic therapy intent: <c>neoadjuvant</c>, <c>adjuvant</c>, <c>perioperative</c>, <c>palliative</c>.</summary>
    public static CodeTable<SystemicIntent> SystemicIntent { get; } = new("intent",
        (Domain.SystemicIntent.Neoadjuvant, "neoadjuvant", "neoadjuvant"),
        (Domain.SystemicIntent.Adjuvant, "adjuvant", "adjuvant"),
        (Domain.SystemicIntent.Perioperative, "perioperative", "perioperative"),
        (Domain.SystemicIntent.Palliative, "palliative", "palliative"));

    /// <summary>Outcome event kind: <c>local_recurrence</c>, <c>distant_metastasis</c>, <c>death</c>.</summary>
    public static CodeTable<OutcomeEventKind> EventKind { get; } = new("kind",
        (OutcomeEventKind.LocalRecurrence, "local_recurrence", "local recurrence"),
        (OutcomeEventKind.DistantMetastasis, "distant_metastasis", "distant metastasis"),
        (OutcomeEventKind.Death, "death", "death"));

    /// <summary>Cause of death: <c>sarcoma</c>, <c>treatment</c>, <c>other</c>, <c>unknown</c>.</summary>
    public static CodeTable<DeathCause> DeathCause { get; } = new("cause",
        (Domain.DeathCause.Sarcoma, "sarcoma", "sarcoma"),
        (Domain.DeathCause.Treatment, "treatment", "treatment"),
        (Domain.DeathCause.Other, "other", "other cause"),
        (Domain.DeathCause.Unknown, "unknown", "unknown"));

    /// <summary>Status at a follow-up contact: <c>ned</c>, <c>awd</c>, <c>lost</c>.</summary>
    public static CodeTable<FollowUpStatus> FollowUpStatus { get; } = new("status",
        (Domain.FollowUpStatus.NoEvidenceOfDisease, "ned", "no evidence of disease"),
        (Domain.FollowUpStatus.AliveWithDisease, "awd", "alive with disease"),
        (Domain.FollowUpStatus.Lost, "lost", "lost to follow-up"));

    /// <summary>The code of a yes/no value, or "" for null.</summary>
    public static string Code(bool? value) => value is { } v ? YesNo.Code(v ? Domain.YesNo.Yes : Domain.YesNo.No) : "";
}
