namespace Sarc.Surveillance;

/// <summary>FNCLCC histological grade of the primary tumour; <see cref="GX"/> when it could not be assessed.</summary>
public enum TumorGrade
{
    /// <summary>Grade 1 (low grade).</summary>
    G1 = 1,
    /// <summary>Grade 2 (high grade).</summary>
    G2 = 2,
    /// <summary>Grade 3 (high grade).</summary>
    G3 = 3,
    /// <summary>Not assessable; followed as high grade.</summary>
    GX = 4,
}
