using Crema.Scalers.Temporal;
using Grpc.Core;
using Temporalio.Api.Enums.V1;

namespace Crema.Tests.Scalers.Temporal;

/// <summary>TLS as KEDA sets it up: with an API key or a client certificate; ca, tlsServerName, unsafeSsl and keyPassword.</summary>
public sealed class TemporalTlsTests
{
    private const string ApiKey = "tc-secret-key-4711";

    [Fact]
    public async Task Read_ApiKeyOverTlsWithCa_SendsTheBearerKeyAndReadsTheBacklog()
    {
        using var certificates = TemporalTestCertificates.Create();
        await using var server = await TemporalFrontendServer.StartAsync(certificates.Server);
        server.Frontend.RequiredApiKey = ApiKey;
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 12);
        await using var scaler = TemporalTriggers.Create(server, "queueTypes=workflow", auth: $"apiKey={ApiKey}|ca={certificates.CaPem}");

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(12);

        server.Frontend.Calls.ShouldHaveSingleItem().Headers["authorization"].ShouldBe("Bearer " + ApiKey);
    }

    [Fact]
    public async Task Read_WrongApiKey_ThrowsUnauthenticatedNamingTheEndpointNeverTheKey()
    {
        using var certificates = TemporalTestCertificates.Create();
        await using var server = await TemporalFrontendServer.StartAsync(certificates.Server);
        server.Frontend.RequiredApiKey = ApiKey;
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 12);
        await using var scaler = TemporalTriggers.Create(server, "queueTypes=workflow", auth: $"apiKey=wrong-key-0815|ca={certificates.CaPem}");

        var error = await Should.ThrowAsync<TemporalReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.StatusCode.ShouldBe(StatusCode.Unauthenticated);
        error.Message.ShouldBe(
            $"temporal at {server.Endpoint} (namespace \"default\", TLS, as the API key from apiKey): DescribeTaskQueue (task queue \"orders\", type workflow): " +
            "UNAUTHENTICATED: Request unauthorized: credentials Bearer [redacted] rejected (check the credentials in the trigger's authenticationRef)");
        error.Message.ShouldNotContain("wrong-key-0815");
        error.ToString().ShouldNotContain("wrong-key-0815");
    }

    [Fact]
    public async Task Read_ApiKeyWithoutTheServersCa_ThrowsTlsHandshakeFailure()
    {
        using var certificates = TemporalTestCertificates.Create();
        await using var server = await TemporalFrontendServer.StartAsync(certificates.Server);
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 12);
        await using var scaler = TemporalTriggers.Create(server, "queueTypes=workflow", auth: $"apiKey={ApiKey}");

        var error = await Should.ThrowAsync<TemporalReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldStartWith($"temporal at {server.Endpoint} (namespace \"default\", TLS, as the API key from apiKey): ");
        error.Message.ShouldContain("TLS handshake failed: check ca, tlsServerName, cert and key, or unsafeSsl");
        error.Message.ShouldNotContain(ApiKey);
        server.Frontend.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Read_UnsafeSsl_AcceptsAnUntrustedServer()
    {
        using var certificates = TemporalTestCertificates.Create();
        await using var server = await TemporalFrontendServer.StartAsync(certificates.Server);
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 2);
        await using var scaler = TemporalTriggers.Create(server, "queueTypes=workflow|unsafeSsl=true", auth: $"apiKey={ApiKey}");

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(2);
    }

    [Fact]
    public async Task Read_CleartextClientAgainstATlsServer_Throws()
    {
        using var certificates = TemporalTestCertificates.Create();
        await using var server = await TemporalFrontendServer.StartAsync(certificates.Server);
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 2);
        await using var scaler = TemporalTriggers.Create(server, "queueTypes=workflow");

        var error = await Should.ThrowAsync<TemporalReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldStartWith($"temporal at {server.Endpoint} (namespace \"default\", cleartext, as no credentials): DescribeTaskQueue");
        server.Frontend.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Read_TlsServerName_ValidatesTheCertificateAgainstThatName()
    {
        using var certificates = TemporalTestCertificates.Create("frontend.temporal.test");
        await using var server = await TemporalFrontendServer.StartAsync(certificates.Server);
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 4);
        await using var named = TemporalTriggers.Create(server, "queueTypes=workflow|tlsServerName=frontend.temporal.test", auth: $"apiKey={ApiKey}|ca={certificates.CaPem}");
        await using var unnamed = TemporalTriggers.Create(server, "queueTypes=workflow", auth: $"apiKey={ApiKey}|ca={certificates.CaPem}");

        (await named.ReadAsync(CancellationToken.None)).Value.ShouldBe(4);
        var error = await Should.ThrowAsync<TemporalReadException>(() => unnamed.ReadAsync(CancellationToken.None).AsTask());

        server.Frontend.Calls.ShouldHaveSingleItem().Authority.ShouldStartWith("frontend.temporal.test");
        error.Message.ShouldContain("TLS handshake failed");
    }

    [Fact]
    public async Task Read_MutualTls_PresentsTheClientCertificate()
    {
        using var certificates = TemporalTestCertificates.Create();
        await using var server = await TemporalFrontendServer.StartAsync(certificates.Server, clientCa: certificates.Ca);
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 8);
        await using var scaler = TemporalTriggers.Create(server, "queueTypes=workflow",
            auth: $"cert={certificates.ClientCertificatePem}|key={certificates.ClientKeyPem}|ca={certificates.CaPem}");

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(8);
        server.Frontend.Calls.ShouldHaveSingleItem().Headers.ContainsKey("authorization").ShouldBeFalse();
    }

    [Fact]
    public async Task Read_MutualTlsWithAnEncryptedKey_DecryptsItWithKeyPassword()
    {
        using var certificates = TemporalTestCertificates.Create();
        await using var server = await TemporalFrontendServer.StartAsync(certificates.Server, clientCa: certificates.Ca);
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 8);
        await using var scaler = TemporalTriggers.Create(server, "queueTypes=workflow",
            auth: $"cert={certificates.ClientCertificatePem}|key={certificates.EncryptedClientKeyPem("s3cret")}|keyPassword=s3cret|ca={certificates.CaPem}");

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(8);
    }

    [Fact]
    public async Task Read_ServerRequiresAClientCertificateNoneGiven_ThrowsNamingTheIdentity()
    {
        using var certificates = TemporalTestCertificates.Create();
        await using var server = await TemporalFrontendServer.StartAsync(certificates.Server, clientCa: certificates.Ca);
        server.Frontend.SetBacklog("orders", TaskQueueType.Workflow, 8);
        await using var scaler = TemporalTriggers.Create(server, "queueTypes=workflow", auth: $"apiKey={ApiKey}|ca={certificates.CaPem}");

        var error = await Should.ThrowAsync<TemporalReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldStartWith($"temporal at {server.Endpoint} (namespace \"default\", TLS, as the API key from apiKey): DescribeTaskQueue");
        error.Message.ShouldNotContain(ApiKey);
    }

    [Fact]
    public async Task Read_MutualTlsRejected_NamesTheClientCertificate()
    {
        using var certificates = TemporalTestCertificates.Create();
        using var other = TemporalTestCertificates.Create();
        await using var server = await TemporalFrontendServer.StartAsync(certificates.Server, clientCa: other.Ca);
        await using var scaler = TemporalTriggers.Create(server, "queueTypes=workflow",
            auth: $"cert={certificates.ClientCertificatePem}|key={certificates.ClientKeyPem}|ca={certificates.CaPem}");

        var error = await Should.ThrowAsync<TemporalReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldStartWith($"temporal at {server.Endpoint} (namespace \"default\", TLS, as client certificate \"{TemporalTestCertificates.ClientSubject}\"): ");
    }
}
