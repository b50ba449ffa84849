using Sarc.Data.Tables;
using Sarc.Statistics.Survival;

namespace Sarc.Cli.Commands;

/// <summary>Options that mean the same in every command, defined once so their names and help cannot drift.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print exactly one JSON object on stdout instead of a readable table." };

    public static Option<string> Data() => new("--data") { Description = "Input CSV file with a header row (NA or empty = missing).", Required = true };

    public static Option<string> Column(string name, string description, bool required = true) =>
        new(name) { Description = description, Required = required };

    /// <summary>The required <c>--out</c> option: the file or folder a command writes, as <paramref name="description"/> says.</summary>
    public static Option<string> Out(string description) => new("--out") { Description = description, Required = true };

    /// <summary>The names of a comma-separated column list option (<c>--vars</c>, <c>--y</c>).</summary>
    /// <exception cref="DataInputException">The list names no column.</exception>
    public static string[] NamesOf(ParseResult parse, Option<string> option)
    {
        var names = ParseNameList(parse.GetValue(option)!);
        return names.Length > 0 ? names : throw new DataInputException($"{option.Name} needs at least one column name");
    }

    /// <summary>The required <c>--formula</c> option: an R model formula, as <paramref name="description"/> says.</summary>
    public static Option<string> Formula(string description) => new("--formula") { Description = description, Required = true };

    /// <summary>The formula of a <see cref="Formula(string)"/> option, parsed.</summary>
    /// <exception cref="DataInputException">Not a formula Sarc reads (the problem and its position named).</exception>
    public static Sarc.Data.Formulas.Formula FormulaOf(ParseResult parse, Option<string> option) => Sarc.Data.Formulas.Formula.Parse(parse.GetValue(option)!);

    /// <summary><c>--ties</c>: how a Cox model handles tied event times.</summary>
    public static Option<string> Ties(string description) => new("--ties") { Description = description, DefaultValueFactory = _ => "efron" };

    /// <summary>The method of a <see cref="Ties"/> option.</summary>
    /// <exception cref="DataInputException">Neither efron nor breslow.</exception>
    public static CoxTies TiesOf(ParseResult parse, Option<string> option) => parse.GetValue(option) switch
    {
        "efron" => CoxTies.Efron,
        "breslow" => CoxTies.Breslow,
        var other => throw new DataInputException($"--ties must be efron or breslow, found '{other}'"),
    };

    /// <summary><c>--cause</c>: the status code of the cause a Fine-Gray model is fitted for.</summary>
    public static Option<int?> Cause(string description, bool required) => new("--cause") { Description = description, Required = required };

    /// <summary>The code of a <see cref="Cause"/> option, or null when it was not given.</summary>
    /// <exception cref="DataInputException">Zero (censored) or negative.</exception>
    public static int? CauseOf(ParseResult parse, Option<int?> option)
    {
        var code = parse.GetValue(option);
        return code is <= 0 ? throw new DataInputException($"--cause must be a positive status code (0 is censored), found {code}") : code;
    }

    /// <summary>Text given to an option (a reason, a name, a center) on one line and trimmed, or null when blank.</summary>
    public static string? OneLine(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings(" ");

    /// <summary><c>--time</c>: the follow-up time column of km and cif.</summary>
    public static Option<string> Time() => Column("--time", "Follow-up time column (numeric, >= 0).");

    /// <summary><c>--at</c>: comma-separated times at which to report <paramref name="what"/>.</summary>
    public static Option<string> At(string what) =>
        new("--at") { Description = $"Comma-separated times at which to report {what}." };

    /// <summary>The times given to an <see cref="At"/> option, or null when it was not given.</summary>
    /// <exception cref="DataInputException">An element that is not a finite number.</exception>
    public static double[]? TimesOf(ParseResult parse, Option<string> at) =>
        parse.GetValue(at) is { } text ? ParseNumberList(text, "--at") : null;

    public static Option<double> ConfidenceLevel(string description) =>
        new("--conf-level") { Description = description, DefaultValueFactory = _ => 0.95 };

    /// <summary>The value of a <see cref="ConfidenceLevel"/> option.</summary>
    /// <exception cref="DataInputException">Not strictly between 0 and 1.</exception>
    public static double ConfidenceLevelOf(ParseResult parse, Option<double> option)
    {
        var level = parse.GetValue(option);
        if (!(level > 0 && level < 1))
        {
            throw new DataInputException($"--conf-level must be between 0 and 1 (exclusive), found {level.ToString(CultureInfo.InvariantCulture)}");
        }
        return level;
    }

    /// <summary>Creates the report folder named by <c>--out</c> (and its parents) and returns its full path.</summary>
    /// <exception cref="DataInputException">The path is an existing file, or the folder cannot be created.</exception>
    public static string CreateReportFolder(string path)
    {
        if (File.Exists(path))
        {
            throw new DataInputException($"--out: '{path}' is a file; give a folder for the report");
        }
        try
        {
            return Directory.CreateDirectory(path).FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataInputException($"--out: '{path}' cannot be created: {e.Message}");
        }
    }

    /// <summary>Parses a comma-separated list of numbers given to <paramref name="optionName"/>.</summary>
    /// <exception cref="DataInputException">An element that is not a finite number.</exception>
    public static double[] ParseNumberList(string text, string optionName)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new DataInputException($"{optionName}: '{parts[i]}' is not a number (expected a comma-separated list such as 12,24,60)");
            }
        }
        return values;
    }

    /// <summary>Splits a comma-separated list of names, dropping empty entries.</summary>
    public static string[] ParseNameList(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
