using System.Text.Json;
using System.Text.Json.Serialization;
using Crema.Host.Observability;
using Crema.Host.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crema.Host.Http;

/// <summary>
/// The daemon's HTTP surface: /healthz, /readyz, /metrics, /status (every object, no history),
/// /status/objects/{name} (one object and its last hour), and the pages / and /objects/{name}.
/// </summary>
internal static class StatusEndpoints
{
    // Relaxed escaping: "->" and "+" stay readable with curl; the JSON is served as application/json, never HTML.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    // Only the overview's own script may run, and nothing loads from elsewhere: a string that escaped
    // encoding still could not run or call out.
    private static readonly string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; script-src " + OverviewScript.Hash
        + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void Map(WebApplication app, StatusStore status, CremaMetrics metrics, TimeProvider time)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", () => status.Ready
            ? Results.Text("ready\n")
            : Results.Text("config not loaded or loops not started\n", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/metrics", () => Results.Text(metrics.Exporter.Scrape(), "text/plain; version=0.0.4; charset=utf-8"));
        app.MapGet("/status", () => Results.Json(Snapshot(status), Json));
        app.MapGet("/status/objects/{name}", (string name) => Find(status, name) is { } o
            ? Results.Json(new ObjectDetail(o, status.History(o.Target, time.GetUtcNow())!), Json)
            : NotFound(name));
        app.MapGet("/", (HttpContext context) => Page(context, OverviewPage.Render(Snapshot(status), time.GetUtcNow())));
        app.MapGet("/objects/{name}", (string name, HttpContext context) => Find(status, name) is { } o
            ? Page(context, DetailPage.Render(o, status.History(o.Target, time.GetUtcNow())!, time.GetUtcNow()))
            : NotFound(name));
    }

    public static StatusSnapshot Snapshot(StatusStore status) => new(status.Ready, status.Config, status.Objects) { Leadership = status.Leadership };

    // The router leaves an escaped "/" (%2F) in the value; a name holding one is found either way.
    private static ObjectStatus? Find(StatusStore status, string name) => status.FindByName(name) ?? status.FindByName(Uri.UnescapeDataString(name));

    private static IResult NotFound(string name) => Results.Text($"no scaled object named \"{name}\"\n", statusCode: StatusCodes.Status404NotFound);

    private static IResult Page(HttpContext context, string html)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
