using Sarc.Registry.Domain;

namespace Sarc.Registry.Template;

/// <summary>A validated patient record and the file line it came from, so that registry-level problems can point at it.</summary>
public sealed record ImportRow(int Line, PatientRecord Record);
