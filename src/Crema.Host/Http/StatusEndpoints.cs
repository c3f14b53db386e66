using System.Text.Json;
using Crema.Host.Observability;
using Crema.Host.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crema.Host.Http;

/// <summary>The daemon's HTTP surface: /healthz, /readyz, /metrics, /status and the human page at /.</summary>
internal static class StatusEndpoints
{
    // Relaxed escaping: "->" and "+" stay readable with curl; the JSON is served as application/json, never HTML.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Map(WebApplication app, StatusStore status, CremaMetrics metrics)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", () => status.Ready
            ? Results.Text("ready\n")
            : Results.Text("config not loaded or loops not started\n", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/metrics", () => Results.Text(metrics.Exporter.Scrape(), "text/plain; version=0.0.4; charset=utf-8"));
        app.MapGet("/status", () => Results.Json(Snapshot(status), Json));
        app.MapGet("/", () => Results.Content(StatusPage.Render(Snapshot(status)), "text/html; charset=utf-8"));
    }

    public static StatusSnapshot Snapshot(StatusStore status) => new(status.Ready, status.Config, status.Objects) { Leadership = status.Leadership };
}
