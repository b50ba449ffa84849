namespace Sarc.Registry.Accounts;

/// <summary>What a user may do; the codes are those of <c>sarc user add --role</c>.</summary>
public enum UserRole
{
    /// <summary><c>admin</c>: every center, manages users.</summary>
    Admin,

    /// <summary><c>data_manager</c>: reads, creates and edits patients of their centers; imports files.</summary>
    DataManager,

    /// <summary><c>investigator</c>: reads their centers' patients, pseudonymized (no birth date); never writes.</summary>
    Investigator,
}
