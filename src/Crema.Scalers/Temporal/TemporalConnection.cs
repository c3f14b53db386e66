using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using Temporalio.Api.WorkflowService.V1;

namespace Crema.Scalers.Temporal;

/// <summary>
/// One scaler's gRPC channel to the Temporal frontend (Grpc.Net.Client over its own SocketsHttpHandler,
/// because tlsServerName, an encrypted client key and the connect timeout are per trigger). Opening it
/// does no I/O: the first call connects.
/// </summary>
internal sealed class TemporalConnection : IDisposable
{
    /// <summary>Largest reply accepted (gRPC's usual 4 MiB); a task queue description is a few KiB.</summary>
    public const int MaxReplyBytes = 4 * 1024 * 1024;

    // The Go SDK's keep-alive: ping after 30 s of silence, give up 15 s later.
    private static readonly TimeSpan KeepAliveDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(15);

    private readonly GrpcChannel channel;
    private readonly X509Certificate2? clientCertificate;
    private readonly X509Certificate2Collection? trustedCas;

    private TemporalConnection(GrpcChannel channel, X509Certificate2? clientCertificate, X509Certificate2Collection? trustedCas)
    {
        this.channel = channel;
        this.clientCertificate = clientCertificate;
        this.trustedCas = trustedCas;
        Client = new WorkflowService.WorkflowServiceClient(channel);
    }

    public WorkflowService.WorkflowServiceClient Client { get; }

    /// <summary>The client certificate's subject (not secret), or null without mTLS.</summary>
    public string? ClientCertificateSubject => clientCertificate?.Subject;

    public static TemporalConnection Open(TemporalMetadata metadata)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = metadata.MinConnectTimeout > TimeSpan.Zero ? metadata.MinConnectTimeout : Timeout.InfiniteTimeSpan,
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = KeepAliveDelay,
            KeepAlivePingTimeout = KeepAliveTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            AllowAutoRedirect = false,
        };
        X509Certificate2? clientCertificate = null;
        X509Certificate2Collection? trustedCas = null;
        HttpMessageHandler outer = handler;
        if (metadata.Tls is { } tls)
        {
            clientCertificate = TemporalCertificates.LoadClientCertificate(tls);
            if (clientCertificate is not null)
            {
                handler.SslOptions.ClientCertificates = [clientCertificate];
            }
            if (tls.UnsafeSsl)
            {
                handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
            }
            else if (tls.CaPem is not null)
            {
                var cas = new X509Certificate2Collection();
                cas.ImportFromPem(tls.CaPem);
                trustedCas = cas;
                handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustedByCa(cas, certificate, errors);
            }
            if (tls.ServerName is { } serverName)
            {
                // SocketsHttpHandler takes the TLS server name (SNI and the name the certificate must
                // carry) from the Host header, so setting it is how Go's tls.Config.ServerName is had.
                outer = new ServerNameHandler(serverName, handler);
            }
        }
        var channel = GrpcChannel.ForAddress(metadata.Endpoint.ToUri(metadata.Tls is not null), new GrpcChannelOptions
        {
            HttpHandler = outer,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = MaxReplyBytes,
            ThrowOperationCanceledOnCancellation = true,
            // Crema retries a failed read itself (the engine rebuilds the scaler and reads once more).
            MaxRetryAttempts = 0,
        });
        return new TemporalConnection(channel, clientCertificate, trustedCas);
    }

    public void Dispose()
    {
        channel.Dispose();
        clientCertificate?.Dispose();
        if (trustedCas is not null)
        {
            foreach (var ca in trustedCas)
            {
                ca.Dispose();
            }
        }
    }

    /// <summary>
    /// As KEDA's pool of system roots plus the <c>ca</c> bundle: what the system trusts, or a chain
    /// ending in one of the given CAs; a name mismatch is never accepted.
    /// </summary>
    private static bool TrustedByCa(X509Certificate2Collection cas, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(cas);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }

    /// <summary>Sets the Host header (and so the TLS server name) of every request.</summary>
    private sealed class ServerNameHandler(string serverName, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Host = serverName;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
