namespace Sarc.Registry.Domain;

/// <summary>Host factors at diagnosis: smoking, body-mass index (kg/m², 10–80) and Charlson comorbidity index (0–37); null = unknown.</summary>
public sealed record Comorbidity(SmokingStatus? Smoking, double? Bmi, int? Charlson)
{
    /// <summary>Nothing recorded.</summary>
    public static Comorbidity None { get; } = new(null, null, null);
}
