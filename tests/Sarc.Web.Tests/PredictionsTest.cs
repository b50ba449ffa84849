using System.Globalization;
using System.Net;
using System.Text.Json;
using Sarc.Registry.Audit;
using Sarc.Registry.Models;

namespace Sarc.Web.Tests;

/// <summary>
/// The registered models' predictions on the patient record and in the API: the models of the patient's center and
/// those for all centers, never another center's; the numbers are the model's formula on the patient's study-dataset
/// values (age at surgery from the dates); a value outside the fitted range, an unknown level or a missing value is
/// said; a patient of another center is as absent here as everywhere.
/// </summary>
public sealed class PredictionsTest : IAsyncLifetime
{
    // Cox: lp = 0.03 age + 0.4 [grade 2] + 0.7 [grade 3] - 2; S(t) = S0(t)^exp(lp).
    private const string CoxModel = """
        sarc_model: 1
        name: "Test OS"
        source: "Hand-made for the test"
        kind: cox
        formula: "Surv(os_months, os_event) ~ age + factor(grade)"
        time: "os_months"
        event: "os_event"
        variables:
          - name: "age"
            type: numeric
            range: [AGE_LOW, 95]
          - name: "grade"
            type: factor
            levels: ["1", "2", "3"]
        coefficients:
          - {name: "age", estimate: 0.03, variable: "age"}
          - {name: "factor(grade)2", estimate: 0.4, variable: "grade", level: "2"}
          - {name: "factor(grade)3", estimate: 0.7, variable: "grade", level: "3"}
        centring: 2
        baseline:
          - {time: 60, survival: 0.8}
          - {time: 120, survival: 0.6}
        """;

    // Fine-Gray: F(t) = 1 - exp(-L0(t) exp(lp)), lp = 0.5 [histology_name UPS].
    private const string FineGrayModel = """
        sarc_model: 1
        kind: finegray
        formula: "Surv(dm_cr_months, dm_cr_event) ~ histology_name"
        time: "dm_cr_months"
        event: "dm_cr_event"
        cause: 1
        variables:
          - name: "histology_name"
            type: factor
            levels: [LEVELS]
        coefficients:
          - {name: "histology_nameUPS", estimate: 0.5, variable: "histology_name", level: "UPS"}
        baseline:
          - {time: 60, cumulative_subdistribution_hazard: 0.2}
        """;

    private const string SizeModel = """
        sarc_model: 1
        kind: cox
        formula: "Surv(os_months, os_event) ~ size_cm"
        time: "os_months"
        event: "os_event"
        variables:
          - name: "size_cm"
            type: numeric
        coefficients:
          - {name: "size_cm", estimate: 0.05, variable: "size_cm"}
        baseline:
          - {time: 60, survival: 0.8}
        """;

    private WebHarness _web = null!;

    public async Task InitializeAsync()
    {
        _web = await WebHarness.StartAsync();
        var models = ModelStore.Open(_web.Database);
        var audit = new AuditContext("test", TimeProvider.System, "test models");
        models.Register("OS for all", null, CoxModel.Replace("AGE_LOW", "20", StringComparison.Ordinal), null, audit);
        models.Register("DM of A", "A", FineGrayModel.Replace("LEVELS", "LMS, UPS", StringComparison.Ordinal), null, audit);
        models.Register("OS of A, older", "A", CoxModel.Replace("AGE_LOW", "65", StringComparison.Ordinal), null, audit);
        models.Register("DM of B", "B", FineGrayModel.Replace("LEVELS", "LMS, UPS", StringComparison.Ordinal), null, audit);
        models.Register("Size of A", "A", SizeModel, null, audit);
        models.Register("Histology of A", "A", FineGrayModel.Replace("LEVELS", "UPS, SyS", StringComparison.Ordinal).Replace("\"histology_nameUPS\", estimate: 0.5, variable: \"histology_name\", level: \"UPS\"", "\"histology_nameSyS\", estimate: 0.5, variable: \"histology_name\", level: \"SyS\"", StringComparison.Ordinal), null, audit);
    }

    public async Task DisposeAsync() => await _web.DisposeAsync();

    /// <summary>PA1's age at surgery as the studies derive it: (2019-04-01 - 1960-05-01) days / 365.25.</summary>
    private static double Age => (new DateOnly(2019, 4, 1).DayNumber - new DateOnly(1960, 5, 1).DayNumber) / 365.25;

    private static double Survival(double baseline, double lp) => Math.Pow(baseline, Math.Exp(lp));

    [Theory]
    [InlineData("dm@t.org")]
    [InlineData("inv@t.org")]
    public async Task Api_OwnPatient_PredictsWithEveryModelOfItsCenterAndNoneOfAnother(string email)
    {
        var json = await Json(_web.WithToken(email), "/api/patients/PA1/predictions");

        var models = json.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.Equal(["DM of A", "Histology of A", "OS for all", "OS of A, older", "Size of A"], models.Keys.Order(StringComparer.Ordinal));
        var os = models["OS for all"];
        var lp = 0.03 * Age + 0.7 - 2;
        Assert.True(os.GetProperty("predicted").GetBoolean());
        Assert.Equal(lp, os.GetProperty("linear_predictor").GetDouble(), 12);
        var at = os.GetProperty("at").EnumerateArray().ToArray();
        Assert.Equal([60.0, 120.0], at.Select(a => a.GetProperty("time").GetDouble()));
        Assert.Equal(Survival(0.8, lp), at[0].GetProperty("survival").GetDouble(), 12);
        Assert.Equal(Survival(0.6, lp), at[1].GetProperty("survival").GetDouble(), 12);
        Assert.Equal(1 - Survival(0.6, lp), at[1].GetProperty("risk").GetDouble(), 12);
        Assert.Equal("Hand-made for the test", os.GetProperty("source").GetString());
        Assert.Empty(os.GetProperty("notes").EnumerateArray());
        var dm = models["DM of A"];
        Assert.Equal("finegray", dm.GetProperty("kind").GetString());
        // PA1 is an LMS (8890/3): the reference level, lp 0.
        Assert.Equal(1 - Math.Exp(-0.2), dm.GetProperty("at")[0].GetProperty("cumulative_incidence").GetDouble(), 12);
    }

    [Fact]
    public async Task Api_OutsideTheModel_SaysSoInsteadOfPassingSilently()
    {
        var json = await Json(_web.WithToken("dm@t.org"), "/api/patients/PA1/predictions");
        var models = json.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);

        // Age 58.9 below the fitted range 65-95: predicted, and flagged.
        var older = models["OS of A, older"];
        Assert.True(older.GetProperty("predicted").GetBoolean());
        var note = Assert.Single(older.GetProperty("notes").EnumerateArray()).GetString()!;
        Assert.Contains("age 58.9", note);
        Assert.Contains("outside the fitted range 65 to 95", note);
        // The harness's patients have no size: not predicted, and why.
        var size = models["Size of A"];
        Assert.False(size.GetProperty("predicted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, size.GetProperty("linear_predictor").ValueKind);
        Assert.Equal("size_cm missing", Assert.Single(size.GetProperty("notes").EnumerateArray()).GetString());
        // LMS is not a level of a model of UPS and SyS.
        var histology = models["Histology of A"];
        Assert.False(histology.GetProperty("predicted").GetBoolean());
        Assert.Contains("'LMS' is not a level of the model", Assert.Single(histology.GetProperty("notes").EnumerateArray()).GetString());
    }

    [Theory]
    [InlineData("dm@t.org")]
    [InlineData("inv@t.org")]
    public async Task Api_PatientOfAnotherCenter_IsNotFound(string email)
    {
        var response = await _web.WithToken(email).GetAsync("/api/patients/PB1/predictions");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("DM of B", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_Admin_SeesTheModelsOfThePatientsCenter()
    {
        var json = await Json(_web.WithToken("admin@t.org"), "/api/patients/PB1/predictions");

        Assert.Equal(["DM of B", "OS for all"], json.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RecordPage_Investigator_SeesNameSourcePredictionsAndWhatIsOutsideTheModel()
    {
        var investigator = await _web.SignedIn("inv@t.org");

        var page = WebUtility.HtmlDecode(await investigator.GetStringAsync("/patients/PA1"));

        var lp = 0.03 * Age + 0.7 - 2;
        Assert.Contains("<h2>Predictions</h2>", page);
        Assert.Contains("<h3>OS for all</h3>", page);
        Assert.Contains("Source: Hand-made for the test.", page);
        Assert.Contains("<th>Overall survival</th>", page);
        Assert.Contains($"<td>5 years</td><td>{(100 * Survival(0.8, lp)).ToString("0.0", CultureInfo.InvariantCulture)}%</td>", page);
        Assert.Contains($"<td>10 years</td><td>{(100 * Survival(0.6, lp)).ToString("0.0", CultureInfo.InvariantCulture)}%</td>", page);
        Assert.Contains("<th>Cumulative incidence of DM</th>", page);
        Assert.Contains("Outside the model: age 58.9", page);
        Assert.Contains("No prediction for this patient: size_cm missing.", page);
        Assert.Contains("Not validated on this registry.", page);
        Assert.DoesNotContain("DM of B", page);
        Assert.DoesNotContain("1960-05-01", page);
    }

    [Fact]
    public async Task RecordPage_PatientOfAnotherCenter_IsNotFound()
    {
        var investigator = await _web.SignedIn("inv@t.org");

        var response = await investigator.GetAsync("/patients/PB1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("DM of B", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RecordPage_UnregisteredModel_IsGoneAndTheRemovalAudited()
    {
        var models = ModelStore.Open(_web.Database);
        var removed = models.Unregister("OS for all", null, new AuditContext("dm@t.org", TimeProvider.System, "superseded"));
        var manager = await _web.SignedIn("dm@t.org");

        var page = await manager.GetStringAsync("/patients/PA2");

        Assert.NotNull(removed);
        Assert.DoesNotContain("<h3>OS for all</h3>", page);
        Assert.Contains("<h3>OS of A, older</h3>", page);
        var audit = Assert.Single(_web.Audit(""), e => e.Entity == ModelStore.AuditEntity && e.Action == AuditAction.Delete);
        Assert.Equal("superseded", audit.Reason);
        Assert.Contains("\"name\":\"OS for all\"", audit.OldValue);
    }

    private static async Task<JsonElement> Json(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
