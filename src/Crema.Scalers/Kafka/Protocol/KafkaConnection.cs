using System.Buffers.Binary;
using System.Net.Sockets;

namespace Crema.Scalers.Kafka.Protocol;

/// <summary>
/// One connection to one broker. Requests go one at a time (a gate), each with the next
/// correlation id and the request timeout; the answer's correlation id must match. The first
/// request is ApiVersions v0, whose answer fixes the version of every later request (the highest
/// both sides know). Any I/O failure, timeout or mismatch breaks the connection: the pool drops it.
/// </summary>
internal sealed class KafkaConnection : IAsyncDisposable
{
    private const int MaxResponseBytes = 64 * 1024 * 1024;
    private readonly Stream stream;
    private readonly KafkaConnectionOptions options;
    private readonly SemaphoreSlim gate = new(1, 1);
    private IReadOnlyDictionary<short, VersionRange> brokerVersions = new Dictionary<short, VersionRange>();
    private int correlationId;

    internal KafkaConnection(Stream stream, BrokerEndpoint endpoint, KafkaConnectionOptions options)
    {
        this.stream = stream;
        this.options = options;
        Endpoint = endpoint;
    }

    public BrokerEndpoint Endpoint { get; }

    /// <summary>True once a request failed in a way that leaves the stream out of step.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>Connects, negotiates TLS, API versions and SASL.</summary>
    public static async Task<KafkaConnection> OpenAsync(BrokerEndpoint endpoint, KafkaConnectionOptions options, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            await socket.ConnectAsync(endpoint.Host, endpoint.Port, linked.Token).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (options.Tls is not null)
            {
                stream = await options.Tls.AuthenticateAsync(stream, endpoint.Host, linked.Token).ConfigureAwait(false);
            }
            var connection = new KafkaConnection(stream, endpoint, options);
            await connection.InitializeAsync(linked.Token).ConfigureAwait(false);
            return connection;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await DisposeQuietlyAsync(stream, socket).ConfigureAwait(false);
            throw new KafkaProtocolException($"Connecting to Kafka broker {endpoint} timed out after {options.ConnectTimeout.TotalSeconds:0.#} s.");
        }
        catch (Exception ex) when (ex is SocketException or IOException or System.Security.Authentication.AuthenticationException)
        {
            await DisposeQuietlyAsync(stream, socket).ConfigureAwait(false);
            throw new KafkaProtocolException($"Cannot connect to Kafka broker {endpoint}: {ex.Message}", ex);
        }
        catch
        {
            await DisposeQuietlyAsync(stream, socket).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends ApiVersions v0, then authenticates when SASL is configured.</summary>
    internal async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var versions = await SendAsync(ApiVersionsRequest.Instance, 0, cancellationToken).ConfigureAwait(false);
        if (versions.ErrorCode != 0)
        {
            throw KafkaErrors.ToException(versions.ErrorCode, $"ApiVersions on {Endpoint}");
        }
        brokerVersions = versions.Versions;
        if (options.Sasl is { Mechanism: not KafkaSaslMechanism.None } sasl)
        {
            await SaslAuthenticator.AuthenticateAsync(this, sasl, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The version to use for <paramref name="api"/>: the highest both this client and the broker know.</summary>
    public short NegotiateVersion(ApiKey api, VersionRange clientVersions)
    {
        if (!brokerVersions.TryGetValue((short)api, out var broker))
        {
            throw new KafkaProtocolException($"Kafka broker {Endpoint} does not support {api}.", KafkaErrorCode.UnsupportedVersion);
        }
        return clientVersions.HighestCommon(broker) ?? throw new KafkaProtocolException(
            $"Kafka broker {Endpoint} supports {api} versions {broker}, this client {clientVersions}: no common version.",
            KafkaErrorCode.UnsupportedVersion);
    }

    public Task<TResponse> SendAsync<TResponse>(IKafkaRequest<TResponse> request, CancellationToken cancellationToken) =>
        SendAsync(request, NegotiateVersion(request.Api, request.Versions), cancellationToken);

    public async Task<TResponse> SendAsync<TResponse>(IKafkaRequest<TResponse> request, short version, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsBroken)
            {
                throw new KafkaProtocolException($"Connection to Kafka broker {Endpoint} is closed.");
            }
            var id = ++correlationId;
            using var timeout = new CancellationTokenSource(options.RequestTimeout, options.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await stream.WriteAsync(Frame(request, version, id), linked.Token).ConfigureAwait(false);
                await stream.FlushAsync(linked.Token).ConfigureAwait(false);
                var body = await ReadFrameAsync(linked.Token).ConfigureAwait(false);
                var reader = new KafkaReader(body);
                var answered = reader.Int32();
                if (answered != id)
                {
                    throw new KafkaProtocolException($"Kafka broker {Endpoint} answered correlation id {answered} to request {id}.");
                }
                return request.ReadResponse(reader, version);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                IsBroken = true;
                throw new KafkaProtocolException(
                    $"{request.Api} v{version} to Kafka broker {Endpoint} timed out after {options.RequestTimeout.TotalSeconds:0.#} s.",
                    KafkaErrorCode.RequestTimedOut);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
            {
                IsBroken = true;
                throw new KafkaProtocolException($"Connection to Kafka broker {Endpoint} failed: {ex.Message}", ex);
            }
            catch
            {
                IsBroken = true;
                throw;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>size INT32, then request header v1 (api_key, api_version, correlation_id, client_id), then the body.</summary>
    internal byte[] Frame<TResponse>(IKafkaRequest<TResponse> request, short version, int id)
    {
        var writer = new KafkaWriter();
        writer.Int32(0).Int16((short)request.Api).Int16(version).Int32(id).NullableString(options.ClientId);
        request.Write(writer, version);
        var frame = writer.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(frame, frame.Length - 4);
        return frame;
    }

    private async Task<byte[]> ReadFrameAsync(CancellationToken cancellationToken)
    {
        var sizeBytes = new byte[4];
        await stream.ReadExactlyAsync(sizeBytes, cancellationToken).ConfigureAwait(false);
        var size = BinaryPrimitives.ReadInt32BigEndian(sizeBytes);
        if (size is < 4 or > MaxResponseBytes)
        {
            throw new KafkaProtocolException($"Kafka broker {Endpoint} sent a frame of {size} bytes; is this a Kafka port (or does it need TLS)?");
        }
        var body = new byte[size];
        await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        IsBroken = true;
        await stream.DisposeAsync().ConfigureAwait(false);
        gate.Dispose();
    }

    private static async Task DisposeQuietlyAsync(Stream? stream, Socket socket)
    {
        if (stream is not null)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
        socket.Dispose();
    }
}
