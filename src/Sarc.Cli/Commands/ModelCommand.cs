using System.Security.Cryptography;
using Sarc.Studies.Figures;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc model</c>: prediction models a center fits, validates, recalibrates and applies on its own data, with the
/// model file of docs/models.md; the library is <see cref="ModelFitting"/>, <see cref="ModelValidation"/>,
/// <see cref="Recalibration"/>, <see cref="ModelPredictions"/> and <see cref="NomogramLayout"/>.
/// </summary>
internal static class ModelCommand
{
    public static Command Create(CliContext context) =>
        new("model", "Prediction models (nomograms): fit, validate, recalibrate, apply, draw, weigh in decision curves, and register for patient records.")
        {
            ModelFitCommand.Create(context),
            ModelValidateCommand.Create(context),
            ModelRecalibrateCommand.Create(context),
            ModelApplyCommand.Create(context),
            ModelNomogramCommand.Create(context),
            ModelDecisionCommand.Create(context),
            ModelRegistryCommands.Register(context),
            ModelRegistryCommands.List(context),
            ModelRegistryCommands.Unregister(context),
        };

    /// <summary>The <c>--model FILE</c> option.</summary>
    public static Option<string> ModelOption() =>
        new("--model") { Description = "Model file (YAML, docs/models.md), as sarc model fit writes it.", Required = true };

    /// <summary>The model file named by a <see cref="ModelOption"/>, read and checked.</summary>
    /// <exception cref="DataInputException">The file cannot be read or is not a valid model file.</exception>
    public static PredictionModel ReadModel(ParseResult parse, Option<string> option) => ModelFile.Read(parse.GetValue(option)!);

    /// <summary>The file an output option names, its folder created (<see cref="PrepareOutput"/>) before anything is computed.</summary>
    /// <exception cref="DataInputException">The folder cannot be created, or the path is a folder.</exception>
    public static string OutputOf(ParseResult parse, Option<string> option)
    {
        var path = parse.GetValue(option)!;
        PrepareOutput(path, option.Name);
        return path;
    }

    /// <summary>The figure file an option names (.svg, .png or .pdf), checked and its folder created; null when the option was not given.</summary>
    /// <exception cref="DataInputException">Not a figure format, the folder cannot be created, or the path is a folder.</exception>
    public static string? FigureOf(ParseResult parse, Option<string> option)
    {
        if (parse.GetValue(option) is not { } path)
        {
            return null;
        }
        FigureFile.RequireFormat(path, option.Name);
        PrepareOutput(path, option.Name);
        return path;
    }

    /// <summary>A <c>--times</c> option.</summary>
    public static Option<string> TimesOption(string description, bool required) =>
        new("--times") { Description = description, Required = required };

    /// <summary>The times of a <c>--times</c> option (null when not given).</summary>
    /// <exception cref="DataInputException">Not a list of numbers.</exception>
    public static double[] Times(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) is { } text ? CommonOptions.ParseNumberList(text, "--times") : [];

    /// <summary>SHA-256 of the file at <paramref name="path"/>, lower-case hex: what the model records of its data.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Creates the folder an output file goes in, so that <c>--out results/model.yaml</c> works.</summary>
    /// <exception cref="DataInputException">The folder cannot be created, or the path is a folder.</exception>
    public static void PrepareOutput(string path, string option)
    {
        if (Directory.Exists(path))
        {
            throw new DataInputException($"{option}: '{path}' is a folder; give a file name");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataInputException($"{option}: '{folder}' cannot be created: {e.Message}");
        }
    }

    /// <summary>
    /// The validation table per time: Harrell's and Uno's C (Cox models), AUC, Brier, IPA, observed and expected risk
    /// and their ratio, as <c>validate</c> and <c>register</c> print it.
    /// </summary>
    public static void WriteFigures(TextWriter output, IReadOnlyList<ValidationFigures> figures, bool cox)
    {
        var headers = new List<string> { "time" };
        if (cox)
        {
            headers.AddRange(["Harrell C", "Uno C"]);
        }
        headers.AddRange(["AUC", "Brier", "IPA", "observed", "expected", "O/E"]);
        var table = new Output.TextTable([.. headers]);
        foreach (var at in figures)
        {
            var cells = new List<string> { Format(at.Time) };
            if (cox)
            {
                cells.AddRange([ReportText.Fixed(at.HarrellC, 3), ReportText.Fixed(at.UnoC, 3)]);
            }
            cells.AddRange([ReportText.Fixed(at.Auc, 3), ReportText.Fixed(at.Brier, 3), ReportText.Fixed(at.Ipa, 3),
                ReportText.Fixed(at.Observed, 3), ReportText.Fixed(at.Expected, 3), ReportText.Fixed(at.ObservedExpected, 2)]);
            table.AddRow([.. cells]);
        }
        table.Write(output);
    }

    /// <summary>"24, 60 and 120" (G6 numbers).</summary>
    public static string Format(double value) => value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
