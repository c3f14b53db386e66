using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using Crema.Abstractions;
using Crema.Scalers.Etcd.Protocol;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Crema.Scalers.Etcd;

/// <summary>
/// One scaler's gRPC channels to its etcd servers (one per endpoint, opened on first use). Calls go to the
/// endpoint that last answered and move on to the next when it is unreachable, as clientv3 fails over. With a
/// username, a token from Authenticate rides on every call (etcd's <c>token</c> header) and is fetched again
/// when the server says it expired. Unary calls have their own deadline on the injected clock.
/// </summary>
internal sealed class EtcdConnection : IDisposable
{
    /// <summary>Deadline of a Range or Authenticate call (KEDA's 5 s).</summary>
    public static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(5);

    // clientv3's DialTimeout in KEDA.
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private const int MaxReplyBytes = 4 * 1024 * 1024;

    private readonly EtcdMetadata metadata;
    private readonly TimeProvider timeProvider;
    private readonly GrpcChannel?[] channels;
    private readonly X509Certificate2? clientCertificate;
    private readonly EtcdCertificateSet? cas;
    private readonly Lock gate = new();
    private int current;
    private string? token;

    public EtcdConnection(EtcdMetadata metadata, TimeProvider timeProvider)
    {
        this.metadata = metadata;
        this.timeProvider = timeProvider;
        channels = new GrpcChannel?[metadata.Endpoints.Count];
        Errors = new EtcdErrors(metadata);
        if (metadata.Tls is { } tls)
        {
            clientCertificate = EtcdCertificates.LoadClientCertificate(tls);
            cas = EtcdCertificates.LoadCas(tls);
        }
    }

    public EtcdErrors Errors { get; }

    /// <summary>The endpoint calls go to now.</summary>
    public EtcdEndpoint Current
    {
        get
        {
            lock (gate)
            {
                return metadata.Endpoints[current];
            }
        }
    }

    /// <summary>The first value stored under <paramref name="key"/>, or null when the key does not exist.</summary>
    public async Task<ByteString?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var request = new RangeRequest { Key = ByteString.CopyFromUtf8(key) };
        var response = await UnaryAsync(
            $"Range \"{UntrustedText.Escape(key)}\"",
            (channel, options) => new KV.KVClient(channel).RangeAsync(request, options),
            cancellationToken).ConfigureAwait(false);
        return response.Kvs.Count == 0 ? null : response.Kvs[0].Value;
    }

    /// <summary>Opens a Watch stream on the current endpoint, authenticating first when needed.</summary>
    public async Task<(AsyncDuplexStreamingCall<WatchRequest, WatchResponse> Call, EtcdEndpoint Endpoint)> OpenWatchAsync(CancellationToken cancellationToken)
    {
        var (index, endpoint) = Pick();
        var headers = new Metadata();
        // Authenticate has the unary deadline; the stream itself lives until it ends or is cancelled.
        if (metadata.Username is not null)
        {
            using var deadline = new CancellationTokenSource(CallDeadline, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            try
            {
                headers = await HeadersAsync(index, endpoint, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new EtcdReadException(
                    string.Create(CultureInfo.InvariantCulture, $"{Errors.Prefix(endpoint)}: Authenticate: DEADLINE_EXCEEDED: no reply within {CallDeadline.TotalSeconds:0.###} s"),
                    StatusCode.DeadlineExceeded);
            }
        }
        // clientv3.WithRequireLeader: a member cut off from the leader ends the watch instead of going silent.
        headers.Add("hasleader", "true");
        var call = new Watch.WatchClient(Channel(index)).Watch(new CallOptions(headers, cancellationToken: cancellationToken));
        return (call, endpoint);
    }

    /// <summary>Moves calls to the next endpoint (after a failed watch), and forgets the token.</summary>
    public void Rotate(EtcdEndpoint failed)
    {
        lock (gate)
        {
            if (metadata.Endpoints[current] == failed)
            {
                current = (current + 1) % metadata.Endpoints.Count;
                token = null;
            }
        }
    }

    public void Dispose()
    {
        foreach (var channel in channels)
        {
            channel?.Dispose();
        }
        clientCertificate?.Dispose();
        cas?.Dispose();
    }

    private async Task<TResponse> UnaryAsync<TResponse>(
        string what, Func<GrpcChannel, CallOptions, AsyncUnaryCall<TResponse>> call, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(CallDeadline, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        EtcdReadException? last = null;
        for (var attempt = 0; attempt < metadata.Endpoints.Count; attempt++)
        {
            var (index, endpoint) = Pick();
            try
            {
                return await CallAuthenticatedAsync(index, endpoint, what, call, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new EtcdReadException(
                    string.Create(CultureInfo.InvariantCulture, $"{Errors.Prefix(endpoint)}: {what}: DEADLINE_EXCEEDED: no reply within {CallDeadline.TotalSeconds:0.###} s"),
                    StatusCode.DeadlineExceeded);
            }
            catch (EtcdReadException ex) when (ex.StatusCode == StatusCode.Unavailable && !cancellationToken.IsCancellationRequested)
            {
                // Unreachable: try the next server, as clientv3's balancer does.
                last = ex;
                Rotate(endpoint);
            }
        }
        throw last!;
    }

    private async Task<TResponse> CallAuthenticatedAsync<TResponse>(
        int index, EtcdEndpoint endpoint, string what, Func<GrpcChannel, CallOptions, AsyncUnaryCall<TResponse>> call, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            var headers = await HeadersAsync(index, endpoint, cancellationToken).ConfigureAwait(false);
            try
            {
                using var pending = call(Channel(index), new CallOptions(headers, cancellationToken: cancellationToken));
                return await pending.ResponseAsync.ConfigureAwait(false);
            }
            catch (RpcException ex) when (retry == 0 && metadata.Username is not null && IsExpiredToken(ex))
            {
                ForgetToken();
            }
            catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw Errors.Failed(endpoint, what, ex);
            }
        }
    }

    /// <summary>The call headers: etcd's <c>token</c> when a username is configured (Authenticate once, then cached).</summary>
    private async Task<Metadata> HeadersAsync(int index, EtcdEndpoint endpoint, CancellationToken cancellationToken)
    {
        var headers = new Metadata();
        if (metadata.Username is null)
        {
            return headers;
        }
        string? known;
        lock (gate)
        {
            known = token;
        }
        if (known is null)
        {
            var request = new AuthenticateRequest { Name = metadata.Username, Password = metadata.Password ?? string.Empty };
            try
            {
                using var pending = new Auth.AuthClient(Channel(index)).AuthenticateAsync(request, new CallOptions(cancellationToken: cancellationToken));
                known = (await pending.ResponseAsync.ConfigureAwait(false)).Token;
            }
            catch (RpcException ex) when ((ex.Status.Detail ?? string.Empty).Contains("authentication is not enabled", StringComparison.Ordinal))
            {
                // As clientv3: credentials for a server without auth are not an error; calls go without a token.
                known = string.Empty;
            }
            catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw Errors.Failed(endpoint, "Authenticate", ex);
            }
            lock (gate)
            {
                token = known;
            }
        }
        if (known.Length > 0)
        {
            headers.Add("token", known);
        }
        return headers;
    }

    private (int Index, EtcdEndpoint Endpoint) Pick()
    {
        lock (gate)
        {
            return (current, metadata.Endpoints[current]);
        }
    }

    private void ForgetToken()
    {
        lock (gate)
        {
            token = null;
        }
    }

    private static bool IsExpiredToken(RpcException ex) =>
        ex.StatusCode == StatusCode.Unauthenticated && (ex.Status.Detail ?? string.Empty).Contains("invalid auth token", StringComparison.Ordinal);

    private GrpcChannel Channel(int index)
    {
        lock (gate)
        {
            return channels[index] ??= Open(metadata.Endpoints[index]);
        }
    }

    private GrpcChannel Open(EtcdEndpoint endpoint)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = ConnectTimeout,
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(15),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            AllowAutoRedirect = false,
        };
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
        }
        if (cas is { Certificates.Count: > 0 } trusted)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => CustomCaValidator.Validate(trusted.Certificates, certificate, errors);
        }
        return GrpcChannel.ForAddress(endpoint.ToUri(metadata.Tls is not null), new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = MaxReplyBytes,
            ThrowOperationCanceledOnCancellation = true,
            // Crema retries a failed read itself (the engine rebuilds the scaler and reads once more).
            MaxRetryAttempts = 0,
        });
    }
}
