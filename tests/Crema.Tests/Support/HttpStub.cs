using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Crema.Tests.Support;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 (free port) that records every request and answers with a
/// handler: the one stand-in HTTP scalers' tests use to check what a scaler sends (and what a real
/// Prometheus scrapes in its tests).
/// </summary>
internal sealed class HttpStub : IAsyncDisposable
{
    private readonly LoopbackWebApp app;

    private HttpStub(LoopbackWebApp app, ConcurrentQueue<HttpRequestRecord> requests)
    {
        this.app = app;
        Requests = requests;
    }

    /// <summary>For example http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseAddress => app.BaseAddress;

    public ConcurrentQueue<HttpRequestRecord> Requests { get; }

    public static async Task<HttpStub> StartAsync(Func<HttpContext, Task> handler)
    {
        var requests = new ConcurrentQueue<HttpRequestRecord>();
        var app = await LoopbackWebApp.StartAsync(app => app.Run(context =>
        {
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            requests.Enqueue(new HttpRequestRecord(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "", context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()), headers));
            return handler(context);
        })).ConfigureAwait(false);
        return new HttpStub(app, requests);
    }

    /// <summary>Answers every request with <paramref name="status"/> and a JSON body.</summary>
    public static Task<HttpStub> StartAsync(int status, string json) => StartAsync(context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    });

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
