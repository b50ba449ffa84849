namespace Sarc.Registry.Domain;

/// <summary>
/// Clavien-Dindo grade of the worst postoperative complication. Codes <c>none</c>, <c>I</c>, <c>II</c>, <c>IIIa</c>,
/// <c>IIIb</c>, <c>IVa</c>, <c>IVb</c>, <c>V</c>; IIIa or worse is "major".
/// </summary>
public enum ClavienDindoGrade
{
    None,
    I,
    II,
    IIIa,
    IIIb,
    IVa,
    IVb,
    V,
}
