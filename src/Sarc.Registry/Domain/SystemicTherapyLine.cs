namespace Sarc.Registry.Domain;

/// <summary>
/// One line of systemic therapy (chemotherapy, targeted, immunotherapy): <paramref name="Regimen"/> as free text (e.g.
/// "doxorubicin + ifosfamide"), its intent, first and last day (null = unknown or ongoing).
/// </summary>
public sealed record SystemicTherapyLine(string? Regimen, SystemicIntent? Intent, DateOnly StartDate, DateOnly? EndDate);
