namespace Sarc.Web.Pages;

/// <summary>The local URLs pages link to, each escaped where it carries an id.</summary>
public static class Urls
{
    /// <summary><c>/patients/{id}</c>.</summary>
    public static string Record(string patientId) => "/patients/" + Uri.EscapeDataString(patientId);

    /// <summary><c>/patients/{id}/audit</c>.</summary>
    public static string Audit(string patientId) => Record(patientId) + "/audit";

    /// <summary><c>/patients/{id}/edit</c>.</summary>
    public static string Edit(string patientId) => Record(patientId) + "/edit";

    /// <summary><c>/patients/{id}/{list}/new</c>: the form adding an entry to a list (<see cref="EntryList.Slug"/>).</summary>
    public static string NewEntry(string patientId, string list) => Record(patientId) + "/" + list + "/new";

    /// <summary><c>/patients/{id}/{list}/{number}</c>: the form editing entry <paramref name="number"/> (from 1).</summary>
    public static string Entry(string patientId, string list, int number) =>
        Record(patientId) + "/" + list + "/" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>/patients/{id}/{list}/{number}/remove</c>.</summary>
    public static string RemoveEntry(string patientId, string list, int number) => Entry(patientId, list, number) + "/remove";

    /// <summary><c>/studies/{id}</c>.</summary>
    public static string Study(string studyId) => "/studies/" + Uri.EscapeDataString(studyId);
}
