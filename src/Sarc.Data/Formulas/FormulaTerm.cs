namespace Sarc.Data.Formulas;

/// <summary>
/// One term of the right-hand side: a single variable (a main effect) or an interaction of several. Variables are
/// kept in the order in which they first appear in the formula, as R's <c>terms()</c> does, so <see cref="Label"/>
/// equals R's term label (<c>age:sex</c>).
/// </summary>
public sealed class FormulaTerm
{
    /// <summary>A term of <paramref name="variables"/>, in the order given (the order of first appearance in the formula).</summary>
    public FormulaTerm(IReadOnlyList<FormulaVariable> variables)
    {
        Variables = variables;
        Label = string.Join(":", variables.Select(v => v.Label));
    }

    /// <summary>The variables whose interaction this term is; one for a main effect.</summary>
    public IReadOnlyList<FormulaVariable> Variables { get; }

    /// <summary>R's term label: the variables' labels joined by <c>:</c> (<c>age</c>, <c>factor(grade):depth</c>).</summary>
    public string Label { get; }

    /// <summary>The interaction order (1 for a main effect).</summary>
    public int Order => Variables.Count;

    /// <summary>The term's <see cref="Label"/>.</summary>
    public override string ToString() => Label;
}
