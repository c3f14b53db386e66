using System.Collections.Concurrent;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Crema.Tests.Scalers.Prometheus;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 (free port) that records every request and answers with a
/// handler: stands in for Prometheus to check what the scaler sends, and serves /metrics for a
/// real Prometheus to scrape.
/// </summary>
internal sealed class StubPrometheusApi : IAsyncDisposable
{
    private readonly LoopbackWebApp app;

    private StubPrometheusApi(LoopbackWebApp app, ConcurrentQueue<HttpRequestRecord> requests)
    {
        this.app = app;
        Requests = requests;
    }

    /// <summary>For example http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseAddress => app.BaseAddress;

    public ConcurrentQueue<HttpRequestRecord> Requests { get; }

    public static async Task<StubPrometheusApi> StartAsync(Func<HttpContext, Task> handler)
    {
        var requests = new ConcurrentQueue<HttpRequestRecord>();
        var app = await LoopbackWebApp.StartAsync(app => app.Run(context =>
        {
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            requests.Enqueue(new HttpRequestRecord(context.Request.Path, context.Request.QueryString.Value ?? "", context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()), headers));
            return handler(context);
        })).ConfigureAwait(false);
        return new StubPrometheusApi(app, requests);
    }

    /// <summary>Answers every request with <paramref name="status"/> and a JSON body.</summary>
    public static Task<StubPrometheusApi> StartAsync(int status, string json) => StartAsync(context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    });

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
