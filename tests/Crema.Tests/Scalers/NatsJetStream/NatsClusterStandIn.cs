using System.Collections.Concurrent;
using System.Globalization;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Crema.Tests.Scalers.NatsJetStream;

/// <summary>
/// A loopback stand-in for the three-node cluster captured in <see cref="NatsCaptures"/>: one HTTP server answers
/// /jsz and /varz for every node, telling nodes apart by the Host header. Node nN is reached as
/// <c>nN.localhost:PORT</c> (*.localhost resolves to loopback), and its /varz advertises the other nodes the same way,
/// as a Kubernetes headless service would. Requests to <c>localhost:PORT</c> (the configured endpoint, a load balancer)
/// reach <see cref="Balanced"/>. Tests change a node's replies through <see cref="Jsz"/> and <see cref="Varz"/>.
/// </summary>
internal sealed class NatsClusterStandIn : IAsyncDisposable
{
    private readonly HttpStub stub;

    private NatsClusterStandIn(HttpStub stub, ConcurrentDictionary<string, string> jsz, ConcurrentDictionary<string, string> varz)
    {
        this.stub = stub;
        Jsz = jsz;
        Varz = varz;
    }

    /// <summary>Each node's /jsz reply; starts as the captures, with the leader's num_pending raised to 30 so its figure stands out (32 in all).</summary>
    public ConcurrentDictionary<string, string> Jsz { get; }

    /// <summary>Each node's /varz reply; starts as the captures with 127.0.0.N written as nN.localhost.</summary>
    public ConcurrentDictionary<string, string> Varz { get; }

    /// <summary>The node behind the configured endpoint. Default n2 (a follower).</summary>
    public string Balanced { get; set; } = "n2";

    /// <summary>The configured endpoint: localhost:PORT.</summary>
    public string Endpoint => $"localhost:{Port.ToString(CultureInfo.InvariantCulture)}";

    public int Port => new Uri(stub.BaseAddress).Port;

    /// <summary>The requests so far, as "host path" (for example "n1.localhost /jsz").</summary>
    public IReadOnlyList<string> Requests => [.. stub.Requests.Select(r => $"{r.Headers["Host"].Split(':')[0]} {r.Path}")];

    public static async Task<NatsClusterStandIn> StartAsync()
    {
        var jsz = new ConcurrentDictionary<string, string>();
        var varz = new ConcurrentDictionary<string, string>();
        foreach (var node in new[] { "n1", "n2", "n3" })
        {
            jsz[node] = NatsCaptures.Text($"cluster-{node}-jsz");
            varz[node] = NatsCaptures.Text($"cluster-{node}-varz").Replace("127.0.0.1", "n1.localhost", StringComparison.Ordinal)
                .Replace("127.0.0.2", "n2.localhost", StringComparison.Ordinal).Replace("127.0.0.3", "n3.localhost", StringComparison.Ordinal);
        }
        jsz["n1"] = jsz["n1"].Replace("\"num_pending\": 3", "\"num_pending\": 30", StringComparison.Ordinal);
        NatsClusterStandIn? standIn = null;
        var stub = await HttpStub.StartAsync(context =>
        {
            var host = context.Request.Host.Host;
            var node = host.EndsWith(".localhost", StringComparison.Ordinal) ? host[..^".localhost".Length] : standIn!.Balanced;
            var replies = context.Request.Path == "/jsz" ? standIn!.Jsz : context.Request.Path == "/varz" ? standIn!.Varz : null;
            if (replies is null || !replies.TryGetValue(node, out var body))
            {
                context.Response.StatusCode = 404;
                return Task.CompletedTask;
            }
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(body);
        });
        standIn = new NatsClusterStandIn(stub, jsz, varz);
        return standIn;
    }

    /// <summary>Makes every node report <paramref name="leader"/> as the leader of the stream and the consumer.</summary>
    public void MoveLeader(string leader)
    {
        foreach (var node in Jsz.Keys)
        {
            Jsz[node] = Jsz[node].Replace("\"leader\": \"n1\"", $"\"leader\": \"{leader}\"", StringComparison.Ordinal);
        }
    }

    public ValueTask DisposeAsync() => stub.DisposeAsync();
}
