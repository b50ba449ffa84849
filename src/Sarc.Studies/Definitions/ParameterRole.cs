namespace Sarc.Studies.Definitions;

/// <summary>How the validator checks an analysis parameter.</summary>
public enum ParameterRole
{
    /// <summary>One column name.</summary>
    Column,

    /// <summary>One or more column names.</summary>
    Columns,

    /// <summary>An endpoint name (see <see cref="Data.StudyFields.Endpoints"/>).</summary>
    Endpoint,

    /// <summary>A list of numbers.</summary>
    Numbers,

    /// <summary>One number.</summary>
    Number,

    /// <summary>A right-hand-side formula whose terms must be columns.</summary>
    Formula,

    /// <summary>One of fixed choices.</summary>
    Choice,
}
