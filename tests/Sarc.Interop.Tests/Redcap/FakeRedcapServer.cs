using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sarc.Interop.Tests.Redcap;

/// <summary>
/// A local HTTP server (Kestrel on 127.0.0.1, a free port) answering as REDCap's API documents: POST form fields to
/// <c>/api/</c> with the project's <c>token</c>; <c>content=metadata</c> gives the data dictionary and
/// <c>content=record</c> with <c>type=flat</c> the records, as CSV for <c>format=csv</c>; a wrong token is 403 with
/// <c>{"error":"You do not have permissions to use the API"}</c>. Every request's form is kept.
/// </summary>
internal sealed class FakeRedcapServer : IDisposable
{
    private readonly WebApplication app;

    private FakeRedcapServer(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    public List<Dictionary<string, string>> Requests { get; } = [];

    public static FakeRedcapServer Start(string token, string metadata, string records)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeRedcapServer? server = null;
        app.MapPost("/api/", async context =>
        {
            var form = await context.Request.ReadFormAsync();
            var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString());
            lock (server!.Requests)
            {
                server.Requests.Add(fields);
            }
            if (fields.GetValueOrDefault("token") != token)
            {
                context.Response.StatusCode = 403;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"error\":\"You do not have permissions to use the API\"}");
                return;
            }
            var answer = (fields.GetValueOrDefault("content"), fields.GetValueOrDefault("format"), fields.GetValueOrDefault("type")) switch
            {
                ("metadata", "csv", _) => metadata,
                ("record", "csv", "flat") => records,
                _ => null,
            };
            if (answer is null)
            {
                context.Response.StatusCode = 400;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"error\":\"The value of the parameter \\\"content\\\" is not valid\"}");
                return;
            }
            context.Response.ContentType = "text/csv; charset=utf-8";
            await context.Response.WriteAsync(answer);
        });
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeRedcapServer(app, new Uri(address.TrimEnd('/') + "/api/"));
        return server;
    }

    public void Dispose()
    {
        app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)app).Dispose();
    }
}
