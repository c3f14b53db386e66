using System.Buffers.Binary;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Crema.Scalers.Kafka.Protocol;

namespace Crema.Tests.Scalers.Kafka.Protocol;

/// <summary>
/// A scripted Kafka peer on 127.0.0.1 for connection-level tests (TLS, SASL, timeouts, correlation
/// ids). The handler gets (api key, version, body) and returns the response body, or null to stay silent.
/// </summary>
internal sealed class FakeKafkaBroker : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public FakeKafkaBroker(Func<ApiKey, short, KafkaReader, byte[]?> handler, X509Certificate2? serverCertificate = null, bool requireClientCertificate = false)
    {
        listener.Start();
        loop = Task.Run(() => ServeAsync(handler, serverCertificate, requireClientCertificate));
    }

    public BrokerEndpoint Endpoint => new("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port);

    /// <summary>Added to every correlation id in answers (to test mismatches).</summary>
    public int CorrelationSkew { get; set; }

    public X509Certificate? ClientCertificate { get; private set; }

    /// <summary>ApiVersions v0 answer with the given ranges.</summary>
    public static byte[] ApiVersions(params (ApiKey Key, short Min, short Max)[] ranges) =>
        new KafkaWriter().Int16(0).Array(ranges, (w, r) => w.Int16((short)r.Key).Int16(r.Min).Int16(r.Max)).ToArray();

    public static readonly (ApiKey, short, short)[] Kafka41Versions =
    [
        (ApiKey.ListOffsets, 1, 9), (ApiKey.Metadata, 0, 13), (ApiKey.OffsetFetch, 1, 9), (ApiKey.FindCoordinator, 0, 6),
        (ApiKey.SaslHandshake, 0, 1), (ApiKey.ApiVersions, 0, 4), (ApiKey.SaslAuthenticate, 0, 2),
    ];

    private async Task ServeAsync(Func<ApiKey, short, KafkaReader, byte[]?> handler, X509Certificate2? certificate, bool requireClientCertificate)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var socket = await listener.AcceptSocketAsync(stop.Token);
                _ = Task.Run(() => ServeConnectionAsync(socket, handler, certificate, requireClientCertificate));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ServeConnectionAsync(Socket socket, Func<ApiKey, short, KafkaReader, byte[]?> handler, X509Certificate2? certificate, bool requireClientCertificate)
    {
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            if (certificate is not null)
            {
                var ssl = new SslStream(stream, false, (_, _, _, _) => true);
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = certificate,
                    ClientCertificateRequired = requireClientCertificate,
                }, stop.Token);
                ClientCertificate = ssl.RemoteCertificate;
                stream = ssl;
            }
            var size = new byte[4];
            while (!stop.IsCancellationRequested)
            {
                await stream.ReadExactlyAsync(size, stop.Token);
                var body = new byte[BinaryPrimitives.ReadInt32BigEndian(size)];
                await stream.ReadExactlyAsync(body, stop.Token);
                var reader = new KafkaReader(body);
                var api = (ApiKey)reader.Int16();
                var version = reader.Int16();
                var correlation = reader.Int32();
                reader.NullableString();
                var answer = handler(api, version, reader);
                if (answer is null)
                {
                    continue;
                }
                var frame = new KafkaWriter().Int32(answer.Length + 4).Int32(correlation + CorrelationSkew).ToArray().Concat(answer).ToArray();
                await stream.WriteAsync(frame, stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException or ObjectDisposedException)
        {
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }
}
