namespace Sarc.Surveillance;

/// <summary>A patient whose latest follow-up contact was recorded as lost to follow-up: off the due list, listed apart so a center can try to trace them.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="LastContact">The date of that last contact.</param>
/// <param name="Center">The patient's center, when known.</param>
public sealed record LostPatient(string PatientId, DateOnly LastContact, string? Center);
