using System.Globalization;
using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

/// <summary>sarc model: the commands end to end in memory, the model file between them, and every user mistake as one line.</summary>
public sealed class ModelCommandTest : IDisposable
{
    private const string Formula = "Surv(os_months, death) ~ rcs(age, 4) + rcs(size_cm, 3) + factor(grade) + histology";
    private readonly string folder = Directory.CreateTempSubdirectory("sarc-model-test-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Data(string name) => Fixture.PathOf("validation", "data", name + ".csv");

    private string Out(string name) => Path.Combine(folder, name);

    private string FitCox(string times = "24,60,120")
    {
        var path = Out("os.yaml");
        var run = CliRun.Of("model", "fit", "--data", Data("models_dev"), "--formula", Formula, "--times", times, "--out", path);
        Assert.True(run.ExitCode == 0, run.Error);
        return path;
    }

    [Fact]
    public void Fit_Json_HasTheCoefficientsOfCoxph()
    {
        var json = CliRun.Of("model", "fit", "--data", Data("models_dev"), "--formula", Formula, "--times", "60", "--out", Out("m.yaml"), "--json").Json();
        var expected = Fixture.Numbers(Fixture.Reference("models").GetProperty("cox").GetProperty("coef"));
        var coefficients = json.GetProperty("coefficients").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, coefficients.Length);
        for (var k = 0; k < expected.Length; k++)
        {
            AssertNear.Relative(expected[k], coefficients[k].GetProperty("coef").GetDouble(), Tolerance.Estimate, $"coef {k}");
        }
        Assert.Equal(595, json.GetProperty("n").GetInt32());
        Assert.True(File.Exists(Out("m.yaml")));
    }

    [Fact]
    public void Validate_ModelFromFit_ReportsTheExternalValidationOfR()
    {
        var model = FitCox();
        var json = CliRun.Of("model", "validate", "--model", model, "--data", Data("models_ext"), "--times", "60", "--json").Json();
        var expected = Fixture.Reference("models").GetProperty("cox_validate");
        var at = expected.GetProperty("at")[1];
        var time = json.GetProperty("times")[0];
        AssertNear.Relative(at.GetProperty("harrell"), time.GetProperty("harrell_c").GetDouble(), Tolerance.Estimate, "Harrell's C");
        AssertNear.Relative(at.GetProperty("uno"), time.GetProperty("uno_c").GetDouble(), Tolerance.Estimate, "Uno's C");
        AssertNear.Relative(at.GetProperty("auc"), time.GetProperty("auc").GetDouble(), Tolerance.Estimate, "AUC");
        AssertNear.Relative(at.GetProperty("ipa"), time.GetProperty("ipa").GetDouble(), Tolerance.Estimate, "IPA");
        AssertNear.Relative(expected.GetProperty("slope"), json.GetProperty("calibration_slope").GetProperty("estimate").GetDouble(), Tolerance.Estimate, "slope");
        Assert.Equal(10, time.GetProperty("deciles").GetArrayLength());
        Assert.Equal(2, json.GetProperty("n_extrapolated").GetInt32());
    }

    [Fact]
    public void Validate_Bootstrap_IsReproducibleForASeed()
    {
        var model = FitCox("60");
        string Run(string seed) => CliRun.Of("model", "validate", "--model", model, "--data", Data("models_dev"), "--bootstrap", "10", "--seed", seed, "--json")
            .Json().GetProperty("bootstrap").GetRawText();
        Assert.Equal(Run("3"), Run("3"));
        Assert.NotEqual(Run("3"), Run("4"));
    }

    [Fact]
    public void Validate_Plot_WritesOneCalibrationFigurePerTime()
    {
        var model = FitCox("60,120");
        var run = CliRun.Of("model", "validate", "--model", model, "--data", Data("models_ext"), "--plot", Out("cal.svg"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("<svg", File.ReadAllText(Out("cal-60.svg")), StringComparison.Ordinal);
        Assert.True(File.Exists(Out("cal-120.svg")));
    }

    [Fact]
    public void Apply_ExternalCohort_WritesPredictionsAndFlagsExtrapolation()
    {
        var model = FitCox("60");
        var run = CliRun.Of("model", "apply", "--model", model, "--data", Data("models_ext"), "--id", "id", "--out", Out("p.csv"));
        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(Out("p.csv"));
        Assert.Equal("line,id,lp,survival_60,notes", lines[0]);
        Assert.Equal(401, lines.Length);
        var flagged = lines.Single(l => l.Contains("94.5", StringComparison.Ordinal));
        Assert.EndsWith("size_cm 94.5 is outside the fitted range 1 to 44.3", flagged, StringComparison.Ordinal);
        var expected = Fixture.Numbers(Fixture.Reference("models").GetProperty("cox_apply").GetProperty("surv")[1]);
        var first = lines[1].Split(',');
        AssertNear.Relative(expected[0], double.Parse(first[3], CultureInfo.InvariantCulture), Tolerance.Estimate, "survival at 60 of row 1");
        Assert.Contains("2 row(s) predicted outside the range", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_UnknownLevelOrMissingValue_IsNotPredictedAndSaysWhy()
    {
        var model = FitCox("60");
        using var data = new TempFile("age,size_cm,grade,histology\n50,5,2,UPS\n50,5,2,DDLPS\n50,,2,UPS\n");
        var run = CliRun.Of("model", "apply", "--model", model, "--data", data.Path, "--out", Out("p.csv"));
        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(Out("p.csv"));
        Assert.Matches(@"^2,-?\d", lines[1]);
        Assert.Equal("3,,,\"histology 'DDLPS' is not a level of the model (LMS, LPS, MPNST, SS, UPS)\"", lines[2]);
        Assert.Equal("4,,,size_cm missing", lines[3]);
    }

    [Fact]
    public void Recalibrate_Slope_WritesAModelThatReadsBack()
    {
        var model = FitCox("60");
        var json = CliRun.Of("model", "recalibrate", "--model", model, "--data", Data("models_ext"), "--times", "60,120", "--method", "slope", "--out", Out("r.yaml"), "--json").Json();
        var expected = Fixture.Reference("models").GetProperty("recalibrate").GetProperty("cox").GetProperty("slope");
        AssertNear.Relative(expected.GetProperty("slope"), json.GetProperty("slope").GetDouble(), Tolerance.Estimate, "slope");
        var validate = CliRun.Of("model", "validate", "--model", Out("r.yaml"), "--data", Data("models_ext"), "--json").Json();
        // Recalibrated on these data with their own slope: the slope is now 1.
        AssertNear.Relative(1, validate.GetProperty("calibration_slope").GetProperty("estimate").GetDouble(), 1e-6, "slope after recalibration");
    }

    [Theory]
    [InlineData(".svg", "<?xml")]
    [InlineData(".png", "\u0089PNG")]
    [InlineData(".pdf", "%PDF")]
    public void Nomogram_Format_FollowsTheExtension(string extension, string magic)
    {
        var model = FitCox("60");
        var path = Out("nomogram" + extension);
        var run = CliRun.Of("model", "nomogram", "--model", model, "--out", path);
        Assert.Equal(0, run.ExitCode);
        using var reader = new StreamReader(path, System.Text.Encoding.Latin1);
        var start = new char[magic.Length];
        reader.ReadBlock(start);
        Assert.Equal(magic, new string(start));
    }

    [Fact]
    public void Decision_Json_HasEveryThresholdFromOneToNinetyNinePercent()
    {
        var model = FitCox("60");
        var json = CliRun.Of("model", "decision", "--model", model, "--data", Data("models_ext"), "--time", "60", "--json").Json();
        var thresholds = json.GetProperty("thresholds");
        Assert.Equal(99, thresholds.GetArrayLength());
        var expected = Fixture.Numbers(Fixture.Reference("models").GetProperty("decision").GetProperty("cox").GetProperty("net_benefit"));
        AssertNear.Relative(expected[29], thresholds[29].GetProperty("net_benefit").GetDouble(), Tolerance.Estimate, "net benefit at 30 %");
    }

    [Fact]
    public void Fit_SplineWithMoreKnotsThanDistinctValues_IsOneLine()
    {
        CliRun.Of("model", "fit", "--data", Data("models_dev"), "--formula", "Surv(os_months, death) ~ rcs(grade, 4)", "--times", "60", "--out", Out("m.yaml"))
            .AssertUserError("rcs(grade, 4) asks for 4 knots but column 'grade' has only 3 distinct values");
        Assert.False(File.Exists(Out("m.yaml")));
    }

    [Fact]
    public void Fit_TimeBeyondFollowUp_IsOneLine()
    {
        CliRun.Of("model", "fit", "--data", Data("models_dev"), "--formula", Formula, "--times", "60,500", "--out", Out("m.yaml"))
            .AssertUserError("--times 500 is beyond the last follow-up time of the data (179.7)");
    }

    [Fact]
    public void Validate_TermAbsentFromData_IsOneLine()
    {
        var model = FitCox("60");
        using var data = new TempFile("os_months,death,age,grade,histology\n10,1,50,2,UPS\n");
        CliRun.Of("model", "validate", "--model", model, "--data", data.Path)
            .AssertUserError("the model uses column 'size_cm', not in the data");
    }

    [Fact]
    public void Validate_TimeBeyondTheModelsTimes_IsOneLine()
    {
        var model = FitCox("24,60");
        CliRun.Of("model", "validate", "--model", model, "--data", Data("models_ext"), "--times", "120")
            .AssertUserError("time 120 is beyond the model's times (24, 60)");
        CliRun.Of("model", "decision", "--model", model, "--data", Data("models_ext"), "--time", "36")
            .AssertUserError("time 36 is not one of the model's times (24, 60)");
    }

    [Theory]
    [InlineData("kind: cox\n", "line 1: not a Sarc model file (no 'sarc_model: 1')")]
    [InlineData("sarc_model: 1\nkind: cox\nformula: x\ntime: t\nevent: e\nvariables:\n  - name: a\n    type: numeric\ncoefficients:\n  - {name: b, estimate: 1, variable: b}\nbaseline:\n  - {time: 60, survival: 0.8}\n", "line 10: variable 'b' is not among the model's variables (a)")]
    [InlineData("sarc_model: 1\nkind: cox\nformula: x\ntime: t\nevent: e\nvariables:\n  - name: a\n    type: numeric\ncoefficients:\n  - {name: a, estimate: 1, variable: a}\nbaseline:\n  - {time: 60, survival: 1.5}\n", "line 12: baseline survival must be in (0, 1], found 1.5")]
    [InlineData("sarc_model: 1\nkind: cox\nformula: [x\n", "not valid YAML")]
    [InlineData("sarc_model: 1\nkind: cox\nformla: x\n", "line 3: unknown key 'formla'")]
    public void Validate_InvalidModelFile_IsOneLineNamingTheYamlLine(string yaml, string message)
    {
        using var model = new TempFile(yaml, ".yaml");
        CliRun.Of("model", "validate", "--model", model.Path, "--data", Data("models_ext"))
            .AssertUserError(message);
    }

    [Fact]
    public void Bootstrap_OfAFineGrayModel_IsOneLine()
    {
        var path = Out("dm.yaml");
        var fit = CliRun.Of("model", "fit", "--data", Data("models_dev"), "--formula", "Surv(dm_months, dm_status) ~ age + factor(grade)", "--cause", "1", "--times", "60", "--out", path);
        Assert.Equal(0, fit.ExitCode);
        CliRun.Of("model", "validate", "--model", path, "--data", Data("models_ext"), "--bootstrap", "5")
            .AssertUserError("--bootstrap: Harrell's optimism correction is available for Cox models");
    }

    [Fact]
    public void Validate_NoEvents_ReportsNaAndSaysWhy()
    {
        var model = FitCox("60");
        var lines = File.ReadAllLines(Data("models_ext")).Take(31).Select((line, i) => i == 0 ? line : Censor(line)).ToArray();
        using var data = new TempFile(string.Join('\n', lines) + "\n");
        var run = CliRun.Of("model", "validate", "--model", model, "--data", data.Path, "--json");
        var json = run.Json();
        Assert.Equal(0, json.GetProperty("events").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("times")[0].GetProperty("harrell_c").ValueKind);
        Assert.Contains("no event of the cause predicted among the 30 rows used", run.Error, StringComparison.Ordinal);
    }

    /// <summary>The same external patient, censored (death = 0).</summary>
    private static string Censor(string line)
    {
        var cells = line.Split(',');
        cells[6] = "0";
        return string.Join(',', cells);
    }

    [Fact]
    public void Nomogram_UnknownExtension_IsOneLine()
    {
        var model = FitCox("60");
        CliRun.Of("model", "nomogram", "--model", model, "--out", Out("n.jpg")).AssertUserError("--out: '");
    }
}
