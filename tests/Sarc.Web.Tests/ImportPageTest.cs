using System.Net;
using System.Text;
using Sarc.Registry.Audit;
using Sarc.Registry.Template;

namespace Sarc.Web.Tests;

/// <summary>/import: a multipart upload of a CSV or XLSX template, all or nothing, the center rule, writers only.</summary>
public sealed class ImportPageTest : IAsyncLifetime
{
    private WebHarness _web = null!;

    public async Task InitializeAsync() => _web = await WebHarness.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task Upload_ValidCsv_ShowsSummaryAndAuditsWithFileNameAndReason()
    {
        var csv = Bytes(WebHarness.Row("PA5", "A"), WebHarness.Row("PA6", "A"));

        var response = await WebHarness.Upload(await _web.SignedIn("dm@t.org"), "batch-7.csv", csv, "quarterly batch");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("batch-7.csv: 2 patients added, 0 updated, 0 unchanged.", await response.Content.ReadAsStringAsync());
        var entry = Assert.Single(_web.Audit("PA6"));
        Assert.Equal((AuditAction.Insert, "dm@t.org", "quarterly batch", "batch-7.csv"), (entry.Action, entry.Who, entry.Reason!, entry.SourceFile!));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(csv)), entry.SourceSha256);
    }

    [Fact]
    public async Task Upload_Xlsx_IsReadAsTheCliReadsIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sarc-upload-test-{Guid.NewGuid():N}.xlsx");
        try
        {
            var source = _web.Load("PA2")!;
            var changed = new Registry.Domain.PatientRecord(source.Patient with { Id = "PA4" }, source.Tumor, source.Comorbidity, source.Surgeries, source.Radiotherapy, source.Systemic, source.Events, source.FollowUps);
            TemplateWriter.WriteFile([changed], path);

            var response = await WebHarness.Upload(await _web.SignedIn("dm@t.org"), "export.xlsx", File.ReadAllBytes(path), "from the spreadsheet");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TemplateCells.Of(changed), TemplateCells.Of(_web.Load("PA4")!));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Upload_Update_CountsUpdatedAndUnchanged()
    {
        var csv = Bytes(WebHarness.Row("PA1", "A", grade: "2", lr: "2021-06-01"), WebHarness.Row("PA2", "A"));

        var response = await WebHarness.Upload(await _web.SignedIn("dm@t.org"), "fix.csv", csv, "grade review", update: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("fix.csv: 0 patients added, 1 updated, 1 unchanged.", await response.Content.ReadAsStringAsync());
        Assert.Equal(("grade", "grade review"), (_web.Audit("PA1")[^1].Field!, _web.Audit("PA1")[^1].Reason!));
    }

    [Fact]
    public async Task Upload_InvalidLines_ListsEveryLineAndImportsNothing()
    {
        var csv = Bytes(WebHarness.Row("PA5", "A"), WebHarness.Row("PA6", "A", grade: "7"), WebHarness.Row("PB5", "B"), WebHarness.Row("PA1", "A"));

        var response = await WebHarness.Upload(await _web.SignedIn("dm@t.org"), "bad.csv", csv, "batch");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("line 3: grade: &#x27;7&#x27; is not one of 1 | 2 | 3 | X", html);
        Assert.Contains("Nothing was imported.", html);
        Assert.Null(_web.Load("PA5"));
        Assert.Empty(_web.Audit("PA5"));
    }

    [Fact]
    public async Task Upload_OtherCenterOrExistingPatient_NamesTheLinesAndImportsNothing()
    {
        var csv = Bytes(WebHarness.Row("PA5", "A"), WebHarness.Row("PB5", "B"), WebHarness.Row("PA1", "A"));

        var response = await WebHarness.Upload(await _web.SignedIn("dm@t.org"), "bad.csv", csv, "batch");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("line 3: center: &#x27;B&#x27; is not one of your centers", html);
        Assert.Null(_web.Load("PA5"));
        Assert.Null(_web.Load("PB5"));

        var clash = await WebHarness.Upload(await _web.SignedIn("dm@t.org"), "again.csv", Bytes(WebHarness.Row("PA5", "A"), WebHarness.Row("PA1", "A")), "batch");
        Assert.Contains("line 3: patient_id: &#x27;PA1&#x27; is already in the registry", await clash.Content.ReadAsStringAsync());
        Assert.Null(_web.Load("PA5"));
    }

    [Fact]
    public async Task Upload_WithoutReasonOrFile_ImportsNothing()
    {
        var manager = await _web.SignedIn("dm@t.org");
        var response = await WebHarness.Upload(manager, "ok.csv", Bytes(WebHarness.Row("PA5", "A")), " ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("reason: a reason for the change is required", await response.Content.ReadAsStringAsync());
        var empty = await WebHarness.Upload(manager, "empty.csv", [], "batch");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Null(_web.Load("PA5"));
    }

    [Fact]
    public async Task Upload_NotATemplate_IsOneLineAndImportsNothing()
    {
        var response = await WebHarness.Upload(await _web.SignedIn("dm@t.org"), "photo.xlsx", Encoding.UTF8.GetBytes("not a spreadsheet"), "batch");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Nothing was imported.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Upload_Investigator_Is403AndImportsNothing()
    {
        var investigator = await _web.SignedIn("inv@t.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await investigator.GetAsync("/import")).StatusCode);

        var response = await WebHarness.Upload(investigator, "ok.csv", Bytes(WebHarness.Row("PA5", "A")), "batch");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(_web.Load("PA5"));
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_Is400()
    {
        var manager = await _web.SignedIn("dm@t.org");
        var form = new MultipartFormDataContent { { new StringContent("batch"), "reason" }, { new ByteArrayContent(Bytes(WebHarness.Row("PA5", "A"))), "file", "ok.csv" } };

        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsync("/import", form)).StatusCode);
        Assert.Null(_web.Load("PA5"));
    }

    private static byte[] Bytes(params string[] rows) => Encoding.UTF8.GetBytes(WebHarness.Header + "\n" + string.Join("\n", rows) + "\n");
}
