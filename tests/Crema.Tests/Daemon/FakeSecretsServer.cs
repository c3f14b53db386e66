using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Crema.Google.Secrets;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crema.Tests.Daemon;

/// <summary>
/// Secret Manager (<c>GET v1/{version}:access</c>) and Parameter Manager (<c>GET v1/{version}:render</c>) on
/// 127.0.0.1, for CREMA_SECRETMANAGER_ENDPOINT and CREMA_PARAMETERMANAGER_ENDPOINT. Counts every access.
/// </summary>
internal sealed class FakeSecretsServer : IAsyncDisposable
{
    private LoopbackWebApp? app;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Secret version name (<c>projects/P/secrets/S/versions/V</c>) to value.</summary>
    public ConcurrentDictionary<string, string> Secrets { get; } = new(StringComparer.Ordinal);

    /// <summary>Parameter version name to rendered payload.</summary>
    public ConcurrentDictionary<string, string> Parameters { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Accessed { get; } = new();

    /// <summary>When set, every request is answered with this status (503 UNAVAILABLE, 403 PERMISSION_DENIED, ...) in Google's error shape.</summary>
    public int? FailStatus { get; set; }

    public static async Task<FakeSecretsServer> StartAsync()
    {
        var server = new FakeSecretsServer();
        server.app = await LoopbackWebApp.StartAsync(app => app.MapGet("/v1/{**name}", (string name) => server.Answer(name)));
        server.BaseUrl = new Uri(server.app.BaseAddress.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private IResult Answer(string name)
    {
        var target = this;
        target.Accessed.Enqueue(name);
        if (FailStatus is { } status)
        {
            var code = status switch { 403 => "PERMISSION_DENIED", 429 => "RESOURCE_EXHAUSTED", 503 => "UNAVAILABLE", _ => "INTERNAL" };
            return Results.Text($$$"""{"error": {"code": {{{status}}}, "status": "{{{code}}}", "message": "injected failure for {{{name}}}"}}""", "application/json", statusCode: status);
        }
        if (name.EndsWith(":access", StringComparison.Ordinal) && target.Secrets.TryGetValue(name[..^":access".Length], out var secret))
        {
            var data = Encoding.UTF8.GetBytes(secret);
            return Results.Text(JsonSerializer.Serialize(new
            {
                name = name[..^":access".Length],
                payload = new { data = Convert.ToBase64String(data), dataCrc32c = Crc32C.Compute(data).ToString(CultureInfo.InvariantCulture) },
            }), "application/json");
        }
        if (name.EndsWith(":render", StringComparison.Ordinal) && target.Parameters.TryGetValue(name[..^":render".Length], out var payload))
        {
            return Results.Text(JsonSerializer.Serialize(new { renderedPayload = Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)) }), "application/json");
        }
        return Results.Text("""{"error": {"code": 404, "status": "NOT_FOUND", "message": "not found"}}""", "application/json", statusCode: 404);
    }
}
