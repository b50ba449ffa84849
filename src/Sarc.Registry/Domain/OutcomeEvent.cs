namespace Sarc.Registry.Domain;

/// <summary>A dated outcome. <paramref name="Cause"/> is set only for <see cref="OutcomeEventKind.Death"/> (null = not recorded).</summary>
public sealed record OutcomeEvent(OutcomeEventKind Kind, DateOnly Date, DeathCause? Cause = null);
