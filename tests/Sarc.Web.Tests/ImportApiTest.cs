using System.Net;
using System.Text.Json;
using Sarc.Registry.Storage;

namespace Sarc.Web.Tests;

/// <summary>POST /api/import: the template's all-or-nothing rules plus the center rule.</summary>
public sealed class ImportApiTest : IAsyncLifetime
{
    private WebHarness _web = null!;

    public async Task InitializeAsync() => _web = await WebHarness.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task Import_DataManagerOwnCenter_InsertsAndAuditsAsTheUser()
    {
        var response = await _web.WithToken("dm@t.org").PostAsync("/api/import", WebHarness.Csv(WebHarness.Row("PA3", "A")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, json.RootElement.GetProperty("inserted").GetInt32());
        using var store = RegistryStore.Open(_web.Database);
        Assert.Equal(4, store.CountPatients());
        Assert.All(store.ReadAudit("PA3"), e => Assert.Equal("dm@t.org", e.Who));
        Assert.NotEmpty(store.ReadAudit("PA3"));
    }

    [Fact]
    public async Task Import_WithReason_KeepsItInTheAuditWithTheBodyHash()
    {
        var body = WebHarness.Csv(WebHarness.Row("PA3", "A"));
        var bytes = await body.ReadAsByteArrayAsync();
        var response = await _web.WithToken("dm@t.org").PostAsync("/api/import?reason=REDCap%20export", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(_web.Audit("PA3"));
        Assert.Equal(("REDCap export", "api-import.csv"), (entry.Reason!, entry.SourceFile!));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), entry.SourceSha256);
    }

    [Fact]
    public async Task Import_Investigator_Is403AndChangesNothing()
    {
        var response = await _web.WithToken("inv@t.org").PostAsync("/api/import", WebHarness.Csv(WebHarness.Row("PA3", "A")));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var store = RegistryStore.Open(_web.Database);
        Assert.Equal(3, store.CountPatients());
    }

    [Fact]
    public async Task Import_InvalidLine_Is422WithLineNumberedErrorsAndNothingImported()
    {
        var response = await _web.WithToken("dm@t.org").PostAsync("/api/import",
            WebHarness.Csv(WebHarness.Row("PA3", "A"), WebHarness.Row("PA4", "A", grade: "7")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Equal("grade", error.GetProperty("column").GetString());
        Assert.StartsWith("line 3: grade: ", error.GetProperty("message").GetString());
        using var store = RegistryStore.Open(_web.Database);
        Assert.Equal(3, store.CountPatients());
    }

    [Fact]
    public async Task Import_RowOfAnotherCenter_Is422AndNothingImported()
    {
        var response = await _web.WithToken("dm@t.org").PostAsync("/api/import",
            WebHarness.Csv(WebHarness.Row("PA3", "A"), WebHarness.Row("PB2", "B")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("line 3: center: 'B' is not one of your centers", error.GetProperty("message").GetString());
        using var store = RegistryStore.Open(_web.Database);
        Assert.Equal(3, store.CountPatients());
    }

    [Fact]
    public async Task Import_ExistingIdOfAnotherCenter_IsRefusedWithoutRevealingIt()
    {
        // PB1 exists in center B; a center-A data manager must neither overwrite it nor learn that it exists.
        var response = await _web.WithToken("dm@t.org").PostAsync("/api/import", WebHarness.Csv(WebHarness.Row("PB1", "A")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var store = RegistryStore.Open(_web.Database);
        Assert.Equal("B", store.LoadPatients().Single(p => p.Id == "PB1").Patient.Center);
    }
}
