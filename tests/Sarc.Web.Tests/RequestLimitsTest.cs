using System.Net;
using System.Text;

namespace Sarc.Web.Tests;

/// <summary>Request body limits (here 4000 bytes for uploads, 1000 for forms): a clear 413 and nothing changed, with or without a declared length.</summary>
public sealed class RequestLimitsTest : IAsyncLifetime
{
    private WebHarness _web = null!;

    public async Task InitializeAsync() => _web = await WebHarness.StartAsync(configure: o => o with { MaxUploadBytes = 4000, MaxFormBytes = 1000 });

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task Upload_OverTheLimit_Is413PageAndImportsNothing()
    {
        var response = await WebHarness.Upload(await _web.SignedIn("dm@t.org"), "big.csv", Csv(80), "batch");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("The request is larger than this server accepts (4000 bytes); nothing was changed.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(_web.Load("PX0"));
    }

    [Fact]
    public async Task Upload_UnderTheLimit_Imports()
    {
        var response = await WebHarness.Upload(await _web.SignedIn("dm@t.org"), "small.csv", Csv(2), "batch");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(_web.Load("PX1"));
    }

    [Fact]
    public async Task ApiImport_OverTheLimit_Is413JsonAndImportsNothing()
    {
        var response = await _web.WithToken("dm@t.org").PostAsync("/api/import", new ByteArrayContent(Csv(80)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("{\"error\":\"The request is larger than this server accepts (4000 bytes); nothing was changed.\"}", await response.Content.ReadAsStringAsync());
        Assert.Null(_web.Load("PX0"));
    }

    [Fact]
    public async Task ApiImport_OverTheLimitWithoutALength_StopsReadingAndIs413()
    {
        var content = new StreamContent(new UnknownLengthStream(Csv(80)));

        var response = await _web.WithToken("dm@t.org").PostAsync("/api/import", content);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(_web.Load("PX0"));
    }

    [Fact]
    public async Task Form_OverItsLimit_Is413AndChangesNothing()
    {
        var audited = _web.Audit("PA2").Count;

        var response = await WebHarness.PostForm(await _web.SignedIn("dm@t.org"), "/patients/PA2/events/lr", new() { ["date"] = "2023-01-10", ["reason"] = new string('x', 2000) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("(1000 bytes)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(audited, _web.Audit("PA2").Count);
    }

    private static byte[] Csv(int rows) =>
        Encoding.UTF8.GetBytes(WebHarness.Header + "\n" + string.Join("\n", Enumerable.Range(0, rows).Select(i => WebHarness.Row($"PX{i}", "A"))) + "\n");

    /// <summary>A body whose length is not known in advance (sent chunked).</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
