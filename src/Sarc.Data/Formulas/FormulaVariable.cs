namespace Sarc.Data.Formulas;

/// <summary>
/// One variable of a model term: a data column, entered as it is, as a factor when written <c>factor(x)</c>, or as a
/// restricted cubic spline when written <c>rcs(x, k)</c>. <see cref="Label"/> is the text R uses for it in term and
/// coefficient names (<c>age</c>, <c>factor(grade)</c>, <c>rcs(age, 4)</c>).
/// </summary>
public sealed record FormulaVariable(string Column, bool AsFactor, SplineSpec? Spline = null)
{
    /// <summary>R's text for the variable: <c>age</c>, <c>factor(grade)</c>, <c>rcs(age, 4)</c> or <c>rcs(age)</c>.</summary>
    public string Label => AsFactor ? $"factor({Column})"
        : Spline is { } spline ? spline.ArgumentText is { } argument ? $"rcs({Column}, {argument})" : $"rcs({Column})"
        : Column;
}
