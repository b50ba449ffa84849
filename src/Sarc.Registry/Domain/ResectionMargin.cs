namespace Sarc.Registry.Domain;

/// <summary>Residual tumor classification of a resection: R0 microscopically negative, R1 microscopic, R2 macroscopic, RX unknown.</summary>
public enum ResectionMargin
{
    R0,
    R1,
    R2,
    RX,
}
