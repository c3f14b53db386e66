using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crema.Tests.Scalers.MetricsApi;

/// <summary>
/// An HTTPS metrics endpoint on 127.0.0.1 with a certificate from a throwaway CA; optionally it requires a client
/// certificate from that CA (mTLS) and records the subject it saw. Answers <c>{"tasks": 5}</c>.
/// </summary>
internal sealed class MetricsApiTlsServer : IAsyncDisposable
{
    public const string ClientSubject = "CN=crema-metrics-api-client";

    private readonly WebApplication app;
    private readonly List<string> subjects;

    private MetricsApiTlsServer(WebApplication app, string baseAddress, string caPem, (string Certificate, string Key) client, List<string> subjects)
    {
        this.app = app;
        BaseAddress = baseAddress;
        CaPem = caPem;
        ClientCertificatePem = client.Certificate;
        ClientKeyPem = client.Key;
        this.subjects = subjects;
    }

    public string BaseAddress { get; }

    public string CaPem { get; }

    public string ClientCertificatePem { get; }

    public string ClientKeyPem { get; }

    /// <summary>The client certificate subjects of the requests served, in order ("" for none).</summary>
    public IReadOnlyList<string> ClientSubjects
    {
        get
        {
            lock (subjects)
            {
                return [.. subjects];
            }
        }
    }

    public static async Task<MetricsApiTlsServer> StartAsync(bool requireClientCertificate)
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Crema Metrics API Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));
        var (serverPem, serverKey) = TestCertificateIssuer.Issue(ca, "CN=127.0.0.1", "1.3.6.1.5.5.7.3.1", now);
        var client = TestCertificateIssuer.Issue(ca, ClientSubject, "1.3.6.1.5.5.7.3.2", now);
        var serverCertificate = X509Certificate2.CreateFromPem(serverPem, serverKey);

        var subjects = new List<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(serverCertificate, https =>
        {
            https.ClientCertificateMode = requireClientCertificate ? ClientCertificateMode.RequireCertificate : ClientCertificateMode.AllowCertificate;
            https.ClientCertificateValidation = (certificate, _, _) => IssuedBy(certificate, ca);
        })));
        var app = builder.Build();
        app.Run(async context =>
        {
            var certificate = await context.Connection.GetClientCertificateAsync();
            lock (subjects)
            {
                subjects.Add(certificate?.Subject ?? "");
            }
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"tasks": 5}""");
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new MetricsApiTlsServer(app, $"https://127.0.0.1:{address.Port}", ca.ExportCertificatePem(), client, subjects);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
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
