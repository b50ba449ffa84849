namespace Sarc.Registry.Domain;

/// <summary>FNCLCC histologic grade. Template codes <c>1</c>, <c>2</c>, <c>3</c> and <c>X</c> (not assessable).</summary>
public enum FnclccGrade
{
    G1,
    G2,
    G3,
    GX,
}
