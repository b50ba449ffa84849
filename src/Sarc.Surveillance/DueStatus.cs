namespace Sarc.Surveillance;

/// <summary>Whether a patient's next visit is still ahead or already missed, on the as-of date.</summary>
public enum DueStatus
{
    /// <summary>The visit is on or after the as-of date (within the look-ahead window).</summary>
    Due,

    /// <summary>The visit date is before the as-of date and the patient has not been seen since.</summary>
    Overdue,
}
