namespace Sarc.Studies.Definitions;

/// <summary>A parameter an analysis kind accepts: its name, how it is checked, whether it is required, and the allowed values of a choice.</summary>
public sealed record ParameterSpec(string Name, ParameterRole Role, bool Required, IReadOnlyList<string>? Choices = null);
