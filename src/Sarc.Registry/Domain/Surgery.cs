namespace Sarc.Registry.Domain;

/// <summary>
/// An operation on <paramref name="Date"/>. Every patient has exactly one <see cref="SurgeryKind.Primary"/> surgery,
/// the time origin of the endpoints. <paramref name="NecrosisPct"/> is the percent necrosis of the specimen (0–100);
/// <paramref name="Lesions"/> the number of lesions resected (≥ 1) and <paramref name="MaxLesionCm"/> the largest of
/// them (cm, &gt; 0); <paramref name="ClavienDindo"/> the worst postoperative complication;
/// <paramref name="WoundComplication"/> a major wound complication within 120 days. Null = not recorded.
/// </summary>
public sealed record Surgery(
    DateOnly Date,
    SurgeryKind Kind,
    TargetSite? Target = null,
    ResectionMargin? Margin = null,
    double? NecrosisPct = null,
    int? Lesions = null,
    double? MaxLesionCm = null,
    ClavienDindoGrade? ClavienDindo = null,
    bool? WoundComplication = null);
