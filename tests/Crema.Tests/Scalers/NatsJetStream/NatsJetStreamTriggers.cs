using Crema.Abstractions;
using Crema.Scalers.NatsJetStream;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.NatsJetStream;

/// <summary>Builds nats-jetstream trigger contexts for tests from a compact "key=value|key=value" text.</summary>
internal static class NatsJetStreamTriggers
{
    public const string ValidMetadata = "natsServerMonitoringEndpoint=localhost:8222|account=$G|stream=mystream|consumer=pull_consumer";

    public static NatsJetStreamScalerFactory Factory { get; } = new();

    public static ScalerContext Context(string metadata, string auth = "", bool validationOnly = false, TimeProvider? timeProvider = null, string baseline = ValidMetadata) =>
        TestTriggers.For("nats-jetstream", TestTriggers.Parse(metadata, baseline), TestTriggers.Parse(auth), validationOnly: validationOnly, timeProvider: timeProvider);

    public static (NatsJetStreamMetadata Metadata, IReadOnlyList<MetadataError> Errors) Bind(string metadata, string auth = "", bool validationOnly = false, string baseline = ValidMetadata) =>
        Factory.BindForTest(Context(metadata, auth, validationOnly, baseline: baseline));

    /// <summary>
    /// A scaler reading <paramref name="endpoint"/> whose HTTP client dials every <c>*.localhost</c> name at 127.0.0.1, as
    /// KEDA's test does (its DialContext), so one loopback stand-in can play each node of a cluster.
    /// </summary>
    public static NatsJetStreamScaler ClusterScaler(string endpoint, TimeProvider timeProvider, string extra = "")
    {
        var (metadata, errors) = Bind($"natsServerMonitoringEndpoint={endpoint}|{extra}");
        errors.ShouldBeEmpty();
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var host = context.DnsEndPoint.Host.EndsWith(".localhost", StringComparison.Ordinal) ? "127.0.0.1" : context.DnsEndPoint.Host;
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(host, context.DnsEndPoint.Port, token);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new NatsJetStreamScaler(metadata, new HttpClient(handler), timeProvider);
    }

    /// <summary>A scaler reading <paramref name="endpoint"/> (host:port) for mystream / pull_consumer of account $G.</summary>
    public static IScaler Scaler(string endpoint, TimeProvider? timeProvider = null, string extra = "") =>
        ((IScalerFactory)Factory).Create(Context($"natsServerMonitoringEndpoint={endpoint}|{extra}", timeProvider: timeProvider));
}
