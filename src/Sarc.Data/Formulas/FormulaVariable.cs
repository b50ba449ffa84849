namespace Sarc.Data.Formulas;

/// <summary>
/// One variable of a model term: a data column, entered as it is or, when written <c>factor(x)</c>, as a factor.
/// <see cref="Label"/> is the text R uses for it in term and coefficient names (<c>age</c>, <c>factor(grade)</c>).
/// </summary>
public sealed record FormulaVariable(string Column, bool AsFactor)
{
    public string Label => AsFactor ? $"factor({Column})" : Column;
}
