using System.Collections.Concurrent;
using System.Diagnostics;
using Crema.Tests.Support;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Proto.Collector.Metrics.V1;

namespace Crema.Tests.Observability.Otlp;

/// <summary>One export request as the receiver decoded it, its request headers (lower-case names) and its bytes.</summary>
internal sealed record OtlpExport(int Sequence, ExportMetricsServiceRequest Request, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// A loopback OTLP metrics receiver: OTLP/HTTP (POST /v1/metrics, protobuf) or OTLP/gRPC (MetricsService/Export
/// over cleartext HTTP/2), decoding each ExportMetricsServiceRequest with the types generated from the official
/// protos. <see cref="Status"/> picks the HTTP status each request is answered with (the collector failing).
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ConcurrentQueue<OtlpExport> exports = new();
    private readonly SemaphoreSlim arrivals = new(0);
    private LoopbackWebApp? app;
    private int requests;

    /// <summary>For example http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseAddress => app!.BaseAddress;

    /// <summary>Every request decoded and answered 200, in order.</summary>
    public IReadOnlyCollection<OtlpExport> Exports => exports;

    /// <summary>Requests received, answered 200 or not.</summary>
    public int Requests => requests;

    /// <summary>The HTTP status the n-th request (from 1) is answered with; default always 200.</summary>
    public Func<int, int> Status { get; set; } = static _ => 200;

    public static async Task<OtlpReceiver> StartHttpAsync(int port = 0)
    {
        var receiver = new OtlpReceiver();
        receiver.app = await LoopbackWebApp.StartAsync(app => app.MapPost("/v1/metrics", receiver.HandleHttpAsync), port).ConfigureAwait(false);
        return receiver;
    }

    public static async Task<OtlpReceiver> StartGrpcAsync(int port = 0)
    {
        var receiver = new OtlpReceiver();
        receiver.app = await LoopbackWebApp.StartAsync(app => app.MapGrpcService<RecordingMetricsService>(), port, HttpProtocols.Http2,
            services => services.AddSingleton(receiver).AddGrpc()).ConfigureAwait(false);
        return receiver;
    }

    /// <summary>The first export (numbered after <paramref name="after"/>) that <paramref name="predicate"/> accepts; fails after 30 s.</summary>
    public async Task<OtlpExport> WaitForAsync(Func<OtlpExport, bool> predicate, string what, int after = 0)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (exports.FirstOrDefault(e => e.Sequence > after && predicate(e)) is { } found)
            {
                return found;
            }
            var left = Patience - clock.Elapsed;
            if (left <= TimeSpan.Zero || !await arrivals.WaitAsync(left).ConfigureAwait(false))
            {
                throw new ShouldAssertException($"{what}: no such export within {Patience.TotalSeconds} s ({requests} requests, {exports.Count} decoded)");
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> requests arrived, answered or not.</summary>
    public async Task WaitForRequestsAsync(int count, string what)
    {
        var clock = Stopwatch.StartNew();
        while (Volatile.Read(ref requests) < count)
        {
            var left = Patience - clock.Elapsed;
            if (left <= TimeSpan.Zero || !await arrivals.WaitAsync(left).ConfigureAwait(false))
            {
                throw new ShouldAssertException($"{what}: {requests} of {count} requests within {Patience.TotalSeconds} s");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
        arrivals.Dispose();
    }

    /// <summary>Numbers a request and picks its answer (200: taken; else refused with that status).</summary>
    internal (int Sequence, int Status) Arrive()
    {
        var n = Interlocked.Increment(ref requests);
        return (n, Status(n));
    }

    internal void Record(OtlpExport export)
    {
        exports.Enqueue(export);
        arrivals.Release();
    }

    internal void Refused() => arrivals.Release();

    private async Task HandleHttpAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body).ConfigureAwait(false);
        var (sequence, status) = Arrive();
        if (status != 200)
        {
            context.Response.StatusCode = status;
            Refused();
            return;
        }
        var bytes = body.ToArray();
        Record(new OtlpExport(sequence, ExportMetricsServiceRequest.Parser.ParseFrom(bytes), Headers(context.Request.Headers), bytes));
        context.Response.ContentType = "application/x-protobuf";
        await context.Response.Body.WriteAsync(new ExportMetricsServiceResponse().ToByteArray()).ConfigureAwait(false);
    }

    private static Dictionary<string, string> Headers(IHeaderDictionary headers) =>
        headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);

    /// <summary>The gRPC side: records the request and its metadata, or answers UNAVAILABLE when told to refuse.</summary>
    private sealed class RecordingMetricsService(OtlpReceiver receiver) : MetricsService.MetricsServiceBase
    {
        public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
        {
            var (sequence, status) = receiver.Arrive();
            if (status != 200)
            {
                receiver.Refused();
                throw new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "refused by the test"));
            }
            receiver.Record(new OtlpExport(sequence, request, Headers(context.GetHttpContext().Request.Headers), request.ToByteArray()));
            return Task.FromResult(new ExportMetricsServiceResponse());
        }
    }
}
