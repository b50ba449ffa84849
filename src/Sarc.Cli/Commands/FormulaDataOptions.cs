using Sarc.Data.Tables;

namespace Sarc.Cli.Commands;

/// <summary>
/// The input of <c>sarc cox</c> and <c>sarc finegray</c>: <c>--data</c> and an R model <c>--formula</c>, and the
/// reading of only the columns the formula uses.
/// </summary>
internal sealed class FormulaDataOptions(string formulaDescription) : OptionSet
{
    public Option<string> Data { get; } = CommonOptions.Data();

    public Option<string> Formula { get; } = CommonOptions.Formula(formulaDescription);

    public override IEnumerable<Option> All => [Data, Formula];

    /// <summary>The <c>--formula</c>, parsed.</summary>
    /// <exception cref="DataInputException">Not a formula Sarc reads (the problem and its position named).</exception>
    public Sarc.Data.Formulas.Formula FormulaOf(ParseResult parse) => CommonOptions.FormulaOf(parse, Formula);

    /// <summary>
    /// The <c>--data</c> table with only the columns <paramref name="formula"/> uses and <paramref name="others"/>
    /// parsed (the rest are skipped, see <see cref="CsvTableReader.Read(string, IReadOnlyCollection{string}?)"/>).
    /// </summary>
    /// <exception cref="DataInputException">The file cannot be read or is malformed (file and line named).</exception>
    public DataFrame Read(ParseResult parse, Sarc.Data.Formulas.Formula formula, params string[] others) =>
        CsvTableReader.Read(parse.GetValue(Data)!, others.Length == 0 ? formula.Columns : [.. formula.Columns, .. others]);
}
