namespace Sarc.Registry.Template;

/// <summary>What kind of problem an <see cref="ImportError"/> is, so that each front end can word its own hint.</summary>
public enum ImportErrorKind
{
    /// <summary>A value, row or file that breaks a rule of the format (docs/formats.md).</summary>
    Invalid,

    /// <summary>
    /// The row would change a patient already in the registry and the import was not asked to update existing
    /// patients (the CLI's <c>--update</c>).
    /// </summary>
    AlreadyInRegistry,

    /// <summary>
    /// The change was made on a patient as it was at an older version (a form left open while someone else saved): it
    /// is refused so that nothing is overwritten silently; the problem names who changed the patient and when.
    /// </summary>
    ChangedSinceOpened,
}
