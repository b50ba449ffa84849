namespace Sarc.Studies.Reports;

/// <summary>How a table row is set.</summary>
public enum RowStyle
{
    /// <summary>A plain row.</summary>
    Normal,

    /// <summary>A level indented under the variable above it.</summary>
    Level,

    /// <summary>A heading spanning the table.</summary>
    Heading,
}
