namespace Sarc.Data.Formulas;

/// <summary>
/// A parsed R model formula of the subset survival users write every day:
/// <c>Surv(time, event) ~ age + factor(grade) + depth*size + strata(site) + cluster(id)</c>.
/// Terms are ordered as R's <c>terms()</c> orders them (main effects first, then two-way interactions, ...; within an
/// order, as written), duplicates removed, so coefficient names and order match <c>coxph</c>.
/// </summary>
/// <param name="text">The formula as the user wrote it.</param>
/// <param name="response">The left-hand side.</param>
/// <param name="terms">The covariate terms, in R's order.</param>
/// <param name="strataColumns">The columns named in <c>strata(...)</c>.</param>
/// <param name="clusterColumn">The column named in <c>cluster(...)</c>, or null.</param>
/// <remarks>Built by <see cref="Parse"/>, which orders the terms; a formula built directly keeps them as given.</remarks>
public sealed class Formula(
    string text,
    SurvivalResponse response,
    IReadOnlyList<FormulaTerm> terms,
    IReadOnlyList<string> strataColumns,
    string? clusterColumn)
{
    /// <summary>The formula as the user wrote it.</summary>
    public string Text { get; } = text;

    /// <summary>The left-hand side: the time (or start and stop) and event columns.</summary>
    public SurvivalResponse Response { get; } = response;

    /// <summary>The covariate terms, in R's order; strata() and cluster() are not among them.</summary>
    public IReadOnlyList<FormulaTerm> Terms { get; } = terms;

    /// <summary>The columns named in <c>strata(...)</c> (several columns: one stratum per combination); empty if none.</summary>
    public IReadOnlyList<string> StrataColumns { get; } = strataColumns;

    /// <summary>The column named in <c>cluster(...)</c>, or null.</summary>
    public string? ClusterColumn { get; } = clusterColumn;

    /// <summary>Every data column the formula uses, each once, in order of first use.</summary>
    public IReadOnlyList<string> Columns
    {
        get
        {
            var columns = new List<string>();
            void Add(string? name)
            {
                if (name is not null && !columns.Contains(name))
                {
                    columns.Add(name);
                }
            }
            Add(Response.Start);
            Add(Response.Stop);
            Add(Response.Event);
            foreach (var term in Terms)
            {
                foreach (var variable in term.Variables)
                {
                    Add(variable.Column);
                }
            }
            foreach (var column in StrataColumns)
            {
                Add(column);
            }
            Add(ClusterColumn);
            return columns;
        }
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="DataInputException">
    /// A syntax error, one line with the 1-based column: <c>formula: unexpected ')' at column 17</c>.
    /// </exception>
    public static Formula Parse(string text) => new FormulaParser(text).Parse();

    /// <summary>The formula as the user wrote it (<see cref="Text"/>).</summary>
    public override string ToString() => Text;
}
