using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crema.Benchmarks.Process;

/// <summary>
/// The fast loopback source of the whole-process benchmarks: a Prometheus HTTP API that answers
/// <c>/api/v1/query</c> for <c>backlog{object="NAME"}</c> with that object's value (1 unless set) in the real
/// instant-vector shape, and records when each object was polled (Stopwatch timestamps).
/// </summary>
internal sealed partial class StaticPrometheus : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, double> values = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<long>> polls = new(StringComparer.Ordinal);
    private LoopbackWebApp? app;

    public string BaseAddress => app?.BaseAddress ?? throw new InvalidOperationException("not started");

    /// <summary>The PromQL query of one object, as the benchmark configs write it.</summary>
    public static string QueryOf(string name) => $"backlog{{object=\"{name}\"}}";

    public static async Task<StaticPrometheus> StartAsync()
    {
        var source = new StaticPrometheus();
        source.app = await LoopbackWebApp.StartAsync(web => web.MapMethods("/api/v1/query", ["GET", "POST"], source.Answer)).ConfigureAwait(false);
        return source;
    }

    public void Set(string name, double value) => values[name] = value;

    /// <summary>Every poll of <paramref name="name"/> so far, in arrival order.</summary>
    public long[] PollsOf(string name)
    {
        if (!polls.TryGetValue(name, out var list))
        {
            return [];
        }
        lock (list)
        {
            return [.. list];
        }
    }

    public int PolledObjects => polls.Count;

    private async Task Answer(HttpContext context)
    {
        var at = Stopwatch.GetTimestamp();
        string query = context.Request.Query["query"].ToString();
        if (query.Length == 0 && context.Request.HasFormContentType)
        {
            query = (await context.Request.ReadFormAsync().ConfigureAwait(false))["query"].ToString();
        }
        var match = ObjectName().Match(query);
        var name = match.Success ? match.Groups[1].Value : string.Empty;
        var list = polls.GetOrAdd(name, _ => []);
        lock (list)
        {
            list.Add(at);
        }
        var value = values.TryGetValue(name, out var v) ? v : 1;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        context.Response.ContentType = "application/json";
        var sample = string.Create(CultureInfo.InvariantCulture, $"[{now},\"{value}\"]");
        await context.Response.WriteAsync(
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"object\":\"" + name + "\"},\"value\":" + sample + "}]}}").ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    [GeneratedRegex("object=\"([^\"]+)\"")]
    private static partial Regex ObjectName();
}
