using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crema.Tests.Scalers.Prometheus;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 (free port) that records every request and answers with a
/// handler: stands in for Prometheus to check what the scaler sends, and serves /metrics for a
/// real Prometheus to scrape.
/// </summary>
internal sealed class StubPrometheusApi : IAsyncDisposable
{
    private readonly WebApplication app;

    private StubPrometheusApi(WebApplication app, string baseAddress, ConcurrentQueue<HttpRequestRecord> requests)
    {
        this.app = app;
        BaseAddress = baseAddress;
        Requests = requests;
    }

    /// <summary>For example http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseAddress { get; }

    public ConcurrentQueue<HttpRequestRecord> Requests { get; }

    public static async Task<StubPrometheusApi> StartAsync(Func<HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var requests = new ConcurrentQueue<HttpRequestRecord>();
        app.Run(context =>
        {
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            requests.Enqueue(new HttpRequestRecord(context.Request.Path, context.Request.QueryString.Value ?? "", context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()), headers));
            return handler(context);
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StubPrometheusApi(app, address.TrimEnd('/'), requests);
    }

    /// <summary>Answers every request with <paramref name="status"/> and a JSON body.</summary>
    public static Task<StubPrometheusApi> StartAsync(int status, string json) => StartAsync(context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    });

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
