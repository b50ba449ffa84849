using Sarc.Registry.Domain;

namespace Sarc.Registry.Template;

/// <summary>
/// A validated patient and where it came from, so that registry-level problems can point at it. A
/// <paramref name="FlatView"/> row comes from the flat template: for a patient already in the registry it replaces only
/// what that template shows (the primary surgery's date, margin and necrosis, the primary radiotherapy course, the
/// first local recurrence and distant metastasis, the death, the last follow-up) and keeps every other entry; a
/// long-format row replaces the whole patient. <paramref name="File"/> is the long format's <c>patients</c> file, null
/// for the flat template. <paramref name="OpenedVersion"/>, when given, is the <see cref="PatientRecord.Version"/> the
/// change was made on (a form opened at that version): the store refuses the row if the patient has changed since.
/// </summary>
public sealed record ImportRow(int Line, PatientRecord Record, bool FlatView = false, string? File = null, int? OpenedVersion = null);
