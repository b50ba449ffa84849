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

    /// <summary><c>/patients/{id}/events/{slug}</c>.</summary>
    public static string Event(string patientId, string slug) => Record(patientId) + "/events/" + slug;

    /// <summary><c>/studies/{id}</c>.</summary>
    public static string Study(string studyId) => "/studies/" + Uri.EscapeDataString(studyId);
}
