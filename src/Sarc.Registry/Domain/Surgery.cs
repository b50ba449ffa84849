namespace Sarc.Registry.Domain;

/// <summary>A resection of the tumor on <paramref name="Date"/> with its margin.</summary>
public sealed record Surgery(DateOnly Date, ResectionMargin Margin);
