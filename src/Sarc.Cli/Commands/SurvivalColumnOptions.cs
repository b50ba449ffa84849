using Sarc.Data.Tables;

namespace Sarc.Cli.Commands;

/// <summary>
/// The input of <c>sarc km</c> and <c>sarc cif</c>: <c>--data</c>, <c>--time</c>, their status column, an optional
/// <c>--group</c> and <c>--at</c>, and the reading of only those columns.
/// </summary>
internal sealed class SurvivalColumnOptions(Option<string> status, string groupDescription, string atWhat) : OptionSet
{
    public Option<string> Data { get; } = CommonOptions.Data();

    public Option<string> Time { get; } = CommonOptions.Time();

    public Option<string> Status { get; } = status;

    public Option<string> Group { get; } = CommonOptions.Column("--group", groupDescription, required: false);

    public Option<string> At { get; } = CommonOptions.At(atWhat);

    public override IEnumerable<Option> All => [Data, Time, Status, Group, At];

    /// <summary>The times of <c>--at</c> (none when it was not given).</summary>
    /// <exception cref="DataInputException">An element that is not a finite number.</exception>
    public double[] Times(ParseResult parse) => CommonOptions.TimesOf(parse, At) ?? [];

    /// <summary>
    /// The <c>--data</c> table with only the time and status columns and, when given, the group column parsed (the
    /// others are skipped, see <see cref="CsvTableReader.Read(string, IReadOnlyCollection{string}?)"/>), and those names.
    /// </summary>
    /// <exception cref="DataInputException">The file cannot be read or is malformed (file and line named).</exception>
    public (DataFrame Table, string Time, string Status, string? Group) Read(ParseResult parse)
    {
        var (time, status, group) = (parse.GetValue(Time)!, parse.GetValue(Status)!, parse.GetValue(Group));
        string[] used = group is null ? [time, status] : [time, status, group];
        return (CsvTableReader.Read(parse.GetValue(Data)!, used), time, status, group);
    }
}
