namespace Sarc.Web.Studies;

/// <summary>
/// One run of a study definition on the patients a user could see when starting it. <see cref="Patients"/> is the
/// number of visible patients the run was given (before the study's own cohort conditions); the report in
/// <see cref="ReportFolder"/> is what <c>sarc study run</c> writes (index.html, figures, CSV tables, results.json).
/// </summary>
/// <param name="Id">32 lowercase hex digits, random (the run's URL segment).</param>
/// <param name="Owner">The e-mail of the user who started it; nobody else can open it.</param>
/// <param name="StudyId">The definition's id.</param>
/// <param name="StudyTitle">The definition's title when the run was made.</param>
/// <param name="Started">When the run started (UTC).</param>
/// <param name="Patients">Visible patients given to the study.</param>
/// <param name="ReportFolder">Absolute path of the report folder.</param>
public sealed record StudyRun(string Id, string Owner, string StudyId, string StudyTitle, DateTimeOffset Started, int Patients, string ReportFolder);
