namespace Sarc.Registry.Domain;

/// <summary>
/// The patient's status at a follow-up contact. Codes <c>ned</c> (no evidence of disease), <c>awd</c> (alive with
/// disease), <c>lost</c> (lost to follow-up: the center no longer sees the patient).
/// </summary>
public enum FollowUpStatus
{
    /// <summary>Alive with no evidence of disease at the contact (code <c>ned</c>).</summary>
    NoEvidenceOfDisease,
    /// <summary>Alive with known disease at the contact (code <c>awd</c>).</summary>
    AliveWithDisease,
    /// <summary>Lost to follow-up (code <c>lost</c>): the contact still counts as the last contact, and the patient leaves the surveillance due list.</summary>
    Lost,
}
