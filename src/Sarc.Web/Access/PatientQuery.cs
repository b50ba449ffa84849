namespace Sarc.Web.Access;

/// <summary>
/// Filters of the patient list; null or empty means "any". <c>IdContains</c> is part of the patient id
/// (case-insensitive); <c>Center</c>, <c>Site</c> and <c>Grade</c> are exact template codes; <c>Page</c> counts from 1.
/// </summary>
public sealed record PatientQuery(string? IdContains = null, string? Center = null, string? Site = null, string? Grade = null, int Page = 1, int PageSize = 50);
