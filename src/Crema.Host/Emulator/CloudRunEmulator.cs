using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crema.Host.Emulator;

/// <summary>
/// An in-memory Cloud Run Admin API v2 on 127.0.0.1 for demos and tests: GET and PATCH of worker
/// pools and services, long-running operations, plus <c>/emulator/faults</c>, <c>/emulator/targets</c>,
/// <c>/emulator/history</c>, <c>/emulator/calls</c> (every Admin API request answered) and <c>/emulator/writes</c> (every accepted update with its User-Agent).
/// Point Crema at it with CREMA_RUN_ENDPOINT=<see cref="BaseAddress"/>.
/// </summary>
public sealed class CloudRunEmulator : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WebApplication app;
    private readonly EmulatorState state;

    private CloudRunEmulator(WebApplication app, Uri baseAddress, EmulatorState state)
    {
        this.app = app;
        this.state = state;
        BaseAddress = baseAddress;
    }

    /// <summary>Root URL, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Requests held without an answer right now (see <see cref="EmulatorFault.HangPatches"/>).</summary>
    public int HeldRequests => state.HeldRequests;

    /// <summary>Starts the emulator; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public static async Task<CloudRunEmulator> StartAsync(CloudRunEmulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = new EmulatorState(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddRoutingCore();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        Map(app, state);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CloudRunEmulator(app, new Uri(address.TrimEnd('/') + "/"), state);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static void Map(WebApplication app, EmulatorState state)
    {
        app.MapGet("/v2/{**path}", context => WriteAsync(context, state.Get(Path(context))));
        app.MapMethods("/v2/{**path}", ["PATCH"], async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            var validateOnly = string.Equals(context.Request.Query["validateOnly"], "true", StringComparison.OrdinalIgnoreCase);
            var userAgent = context.Request.Headers.UserAgent.ToString();
            var reply = state.Patch(Path(context), context.Request.Query["updateMask"], validateOnly, body, userAgent.Length == 0 ? null : userAgent);
            if (reply.Hang)
            {
                await HangAsync(context, state).ConfigureAwait(false);
                return;
            }
            await WriteAsync(context, reply).ConfigureAwait(false);
        });
        app.MapGet("/emulator/history", context =>
            WriteAsync(context, new EmulatorReply(200, JsonSerializer.Serialize(state.History(), Json))));
        app.MapGet("/emulator/calls", context =>
            WriteAsync(context, new EmulatorReply(200, JsonSerializer.Serialize(state.Calls(), Json))));
        app.MapGet("/emulator/writes", context =>
            WriteAsync(context, new EmulatorReply(200, JsonSerializer.Serialize(state.Writes(), Json))));
        app.MapPost("/emulator/faults", async context =>
        {
            var fault = await ReadAsync<EmulatorFault>(context).ConfigureAwait(false);
            await WriteAsync(context, fault is null ? BadBody() : state.AddFault(fault)).ConfigureAwait(false);
        });
        app.MapDelete("/emulator/faults", context => WriteAsync(context, state.ClearFaults()));
        app.MapPost("/emulator/targets", async context =>
        {
            var target = await ReadAsync<TargetRequest>(context).ConfigureAwait(false);
            await WriteAsync(context, target?.Name is null ? BadBody() : state.AddTarget(target.Name, target.Count, target.ScalingMode)).ConfigureAwait(false);
        });
        app.MapFallback(context => WriteAsync(context, EmulatorJson.Error(404, "NOT_FOUND", $"{context.Request.Method} {context.Request.Path} is not served by the emulator")));
    }

    // Holds the request unanswered until the client gives up or the emulator stops (then the connection is dropped).
    private static async Task HangAsync(HttpContext context, EmulatorState state)
    {
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        state.Holding(+1);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
        }
        finally
        {
            state.Holding(-1);
        }
    }

    private static string Path(HttpContext context) => (string?)context.Request.RouteValues["path"] ?? string.Empty;

    private static async Task<T?> ReadAsync<T>(HttpContext context)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Json, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static EmulatorReply BadBody() => EmulatorJson.Error(400, "INVALID_ARGUMENT", "the request body is not the expected JSON");

    private static Task WriteAsync(HttpContext context, EmulatorReply reply)
    {
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        if (reply.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return context.Response.WriteAsync(reply.Json, context.RequestAborted);
    }

    private sealed record TargetRequest(string? Name, int Count, string? ScalingMode);
}
