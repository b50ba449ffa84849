namespace Sarc.Registry.Domain;

/// <summary>Residual tumor classification of a resection: R0 microscopically negative, R1 microscopic, R2 macroscopic, RX unknown.</summary>
public enum ResectionMargin
{
    /// <summary>No residual tumor, microscopically negative margins.</summary>
    R0,
    /// <summary>Microscopic residual tumor.</summary>
    R1,
    /// <summary>Macroscopic residual tumor.</summary>
    R2,
    /// <summary>Residual tumor cannot be assessed.</summary>
    RX,
}
