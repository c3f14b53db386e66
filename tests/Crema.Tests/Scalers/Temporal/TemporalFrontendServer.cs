using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crema.Tests.Scalers.Temporal;

/// <summary>
/// An in-process gRPC server (ASP.NET Core) on 127.0.0.1 and a free port serving <see cref="FakeTemporalFrontend"/>:
/// HTTP/2 in cleartext, or TLS with an optional required client certificate. Dispose stops it.
/// </summary>
internal sealed class TemporalFrontendServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private TemporalFrontendServer(WebApplication app, FakeTemporalFrontend frontend, int port)
    {
        this.app = app;
        Frontend = frontend;
        Port = port;
    }

    public FakeTemporalFrontend Frontend { get; }

    public int Port { get; }

    /// <summary>The endpoint as a trigger writes it.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <param name="serverCertificate">Serve TLS with this certificate; null for cleartext.</param>
    /// <param name="clientCa">Require a client certificate issued by this CA.</param>
    public static async Task<TemporalFrontendServer> StartAsync(X509Certificate2? serverCertificate = null, X509Certificate2? clientCa = null, FakeTemporalFrontend? frontend = null)
    {
        frontend ??= new FakeTemporalFrontend();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(frontend);
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (serverCertificate is not null)
            {
                listen.UseHttps(serverCertificate, https =>
                {
                    if (clientCa is not null)
                    {
                        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                        https.ClientCertificateValidation = (certificate, _, _) => IssuedBy(certificate, clientCa);
                    }
                });
            }
        }));
        var app = builder.Build();
        app.MapGrpcService<FakeTemporalFrontend>();
        await app.StartAsync().ConfigureAwait(false);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new TemporalFrontendServer(app, frontend, address.Port);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static bool IssuedBy(X509Certificate2 certificate, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
