namespace Sarc.Data.Formulas;

/// <summary>
/// One term of the right-hand side: a single variable (a main effect) or an interaction of several. Variables are
/// kept in the order in which they first appear in the formula, as R's <c>terms()</c> does, so <see cref="Label"/>
/// equals R's term label (<c>age:sex</c>).
/// </summary>
public sealed class FormulaTerm
{
    public FormulaTerm(IReadOnlyList<FormulaVariable> variables)
    {
        Variables = variables;
        Label = string.Join(":", variables.Select(v => v.Label));
    }

    public IReadOnlyList<FormulaVariable> Variables { get; }

    public string Label { get; }

    /// <summary>The interaction order (1 for a main effect).</summary>
    public int Order => Variables.Count;

    public override string ToString() => Label;
}
