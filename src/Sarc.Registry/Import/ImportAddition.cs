namespace Sarc.Registry.Import;

/// <summary>
/// A list entry for a patient who is not in the import's <c>patients</c> file: it is added to that patient in the
/// registry (an update, so only with <c>--update</c>). <paramref name="Entry"/> is a
/// <see cref="Domain.Surgery"/>, <see cref="Domain.RadiotherapyCourse"/>, <see cref="Domain.SystemicTherapyLine"/>,
/// <see cref="Domain.OutcomeEvent"/> or <see cref="Domain.FollowUpContact"/>. <paramref name="OpenedVersion"/>, when
/// given, is the <see cref="Domain.PatientRecord.Version"/> the entry was made on (a form opened at that version): the
/// store refuses it if the patient has changed since, as it refuses such an <see cref="Template.ImportRow"/>.
/// </summary>
public sealed record ImportAddition(string PatientId, object Entry, string File, int Line, int? OpenedVersion = null);
