namespace Sarc.Registry.Domain;

/// <summary>A dated contact with the patient (a visit, a call, a letter) and the status then; null = not recorded (the flat template's last follow-up).</summary>
public sealed record FollowUpContact(DateOnly Date, FollowUpStatus? Status);
