namespace Sarc.Registry.Domain;

/// <summary>
/// The patient's status at a follow-up contact. Codes <c>ned</c> (no evidence of disease), <c>awd</c> (alive with
/// disease), <c>lost</c> (lost to follow-up: the center no longer sees the patient).
/// </summary>
public enum FollowUpStatus
{
    NoEvidenceOfDisease,
    AliveWithDisease,
    Lost,
}
