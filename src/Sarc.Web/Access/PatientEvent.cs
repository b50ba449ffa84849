namespace Sarc.Web.Access;

/// <summary>
/// What the record page's one-click forms record. Each sets one template date (death also its cause) and, since an
/// event is found at a contact with the patient, moves <c>last_followup_date</c> to the event date when it is later
/// (for a death, to the death date, as the template requires).
/// </summary>
public enum PatientEvent
{
    /// <summary><c>lr_date</c>; restarts the surveillance plan.</summary>
    LocalRecurrence,

    /// <summary><c>dm_date</c>; ends routine surveillance.</summary>
    DistantMetastasis,

    /// <summary><c>death_date</c> and <c>death_cause</c>.</summary>
    Death,

    /// <summary><c>last_followup_date</c> only.</summary>
    LastFollowUp,
}
