using Sarc.Data.Tables;

namespace Sarc.Cli.Commands;

/// <summary>
/// The input of the model commands that run a model on data (<c>validate</c>, <c>recalibrate</c>, <c>apply</c>,
/// <c>decision</c>): <c>--model</c> and <c>--data</c>, each read and checked.
/// </summary>
internal sealed class ModelDataOptions : OptionSet
{
    public Option<string> Model { get; } = ModelCommand.ModelOption();

    public Option<string> Data { get; } = CommonOptions.Data();

    public override IEnumerable<Option> All => [Model, Data];

    /// <summary>The model file, read and checked.</summary>
    /// <exception cref="DataInputException">The file cannot be read or is not a valid model file.</exception>
    public PredictionModel ReadModel(ParseResult parse) => ModelCommand.ReadModel(parse, Model);

    /// <summary>The path <c>--data</c> names.</summary>
    public string DataPath(ParseResult parse) => parse.GetValue(Data)!;

    /// <summary>The <c>--data</c> table, every column parsed.</summary>
    /// <exception cref="DataInputException">The file cannot be read or is malformed (file and line named).</exception>
    public DataFrame ReadData(ParseResult parse) => CsvTableReader.Read(DataPath(parse));
}
