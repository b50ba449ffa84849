namespace Sarc.Registry.Domain;

/// <summary>
/// A dated outcome. <paramref name="Cause"/> is set only for <see cref="OutcomeEventKind.Death"/>; <paramref name="Site"/>,
/// <paramref name="Lesions"/> (count, ≥ 1) and <paramref name="MaxLesionCm"/> (largest lesion, cm, &gt; 0) only for
/// <see cref="OutcomeEventKind.DistantMetastasis"/>. Null = not recorded.
/// </summary>
public sealed record OutcomeEvent(
    OutcomeEventKind Kind,
    DateOnly Date,
    DeathCause? Cause = null,
    TargetSite? Site = null,
    int? Lesions = null,
    double? MaxLesionCm = null);
