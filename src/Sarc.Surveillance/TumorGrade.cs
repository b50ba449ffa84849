namespace Sarc.Surveillance;

/// <summary>FNCLCC histological grade of the primary tumour; <see cref="GX"/> when it could not be assessed.</summary>
public enum TumorGrade
{
    G1 = 1,
    G2 = 2,
    G3 = 3,
    GX = 4,
}
