namespace Sarc.Registry.Domain;

/// <summary>
/// Clavien-Dindo grade of the worst postoperative complication. Codes <c>none</c>, <c>I</c>, <c>II</c>, <c>IIIa</c>,
/// <c>IIIb</c>, <c>IVa</c>, <c>IVb</c>, <c>V</c>; IIIa or worse is "major".
/// </summary>
public enum ClavienDindoGrade
{
    /// <summary>No complication (code <c>none</c>).</summary>
    None,
    /// <summary>Any deviation from the normal course needing no drug beyond antiemetics, analgesics and the like, and no intervention.</summary>
    I,
    /// <summary>Needing drug treatment beyond grade I, blood transfusion or parenteral nutrition.</summary>
    II,
    /// <summary>Needing surgical, endoscopic or radiological intervention without general anaesthesia: the first "major" grade.</summary>
    IIIa,
    /// <summary>Needing intervention under general anaesthesia.</summary>
    IIIb,
    /// <summary>Life-threatening, single-organ dysfunction needing intensive care.</summary>
    IVa,
    /// <summary>Life-threatening, multi-organ dysfunction needing intensive care.</summary>
    IVb,
    /// <summary>Death of the patient from the complication.</summary>
    V,
}
