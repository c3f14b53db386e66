using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crema.Host.Demo;

/// <summary>
/// A synthetic bursty work queue on 127.0.0.1. Messages arrive by <see cref="ArrivalPattern"/>; every
/// second each running instance (as Cloud Run reports them) finishes <see cref="MessagesPerInstancePerSecond"/>.
/// The backlog is served through Prometheus' query API (<c>/api/v1/query</c>), so Crema reads it with
/// its real prometheus scaler over HTTP.
/// </summary>
internal sealed class DemoWorkQueue : IAsyncDisposable
{
    public const double MessagesPerInstancePerSecond = 10;
    private readonly WebApplication app;
    private readonly Lock gate = new();
    private double backlog;

    private DemoWorkQueue(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public double Backlog
    {
        get
        {
            lock (gate)
            {
                return backlog;
            }
        }
    }

    public double Processed { get; private set; }

    public static async Task<DemoWorkQueue> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var queue = new DemoWorkQueue(app);
        app.MapGet("/api/v1/query", (HttpContext context) => Results.Json(new
        {
            status = "success",
            data = new
            {
                resultType = "vector",
                result = new[]
                {
                    new
                    {
                        metric = new Dictionary<string, string> { ["__name__"] = "demo_queue_backlog" },
                        value = new object[]
                        {
                            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0,
                            Math.Round(queue.Backlog).ToString(CultureInfo.InvariantCulture),
                        },
                    },
                },
            },
        }));
        await app.StartAsync(ct).ConfigureAwait(false);
        queue.BaseAddress = new Uri(app.Urls.First());
        return queue;
    }

    /// <summary>Advances the queue by one second: arrivals, then work done by <paramref name="instances"/>.</summary>
    public void Tick(double arrivals, int instances)
    {
        lock (gate)
        {
            backlog += arrivals;
            var done = Math.Min(backlog, instances * MessagesPerInstancePerSecond);
            backlog -= done;
            Processed += done;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
