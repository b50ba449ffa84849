namespace Sarc.Registry.Domain;

/// <summary>FNCLCC histologic grade. Template codes <c>1</c>, <c>2</c>, <c>3</c> and <c>X</c> (not assessable).</summary>
public enum FnclccGrade
{
    /// <summary>Grade 1: differentiation + mitoses + necrosis scores sum to 2-3 (code <c>1</c>).</summary>
    G1,
    /// <summary>Grade 2: score sum 4-5 (code <c>2</c>); high grade.</summary>
    G2,
    /// <summary>Grade 3: score sum 6-8 (code <c>3</c>); high grade.</summary>
    G3,
    /// <summary>Not assessable (code <c>X</c>); missing in <c>high_grade</c>, high-grade for surveillance.</summary>
    GX,
}
