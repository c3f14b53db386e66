using System.Globalization;
using Crema.Abstractions;
using Crema.Scalers.RabbitMq;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.RabbitMq;

/// <summary>TLS against the real node: AMQPS and the management API over HTTPS, custom CA, client certificates, mismatches.</summary>
[Collection(RabbitMqServerCollection.Name)]
public sealed class RabbitMqScalerTlsTests(RabbitMqServerFixture fixture)
{
    private const string User = "tls-worker";
    private const string Password = "tls-Pa55word";

    private RabbitMqServer Server => fixture.Server;

    [Fact]
    public async Task Read_AmqpsAndHttpsWithTheCa_Reads()
    {
        var vhost = await QueueWithMessagesAsync(4);

        var amqps = await ReadAsync($"amqps://{User}:{Password}@127.0.0.1:{Port(Server.Ports.Amqps)}/{Uri.EscapeDataString(vhost)}", Tls(Server.Certificates.CaPem));
        var https = await ReadAsync($"https://{User}:{Password}@127.0.0.1:{Port(Server.Ports.ManagementTls)}/{Uri.EscapeDataString(vhost)}", Tls(Server.Certificates.CaPem));

        amqps.ShouldBe("4");
        https.ShouldBe("4");
    }

    [Fact]
    public async Task Read_ClientCertificateWithoutPassword_LogsInWithSaslExternal()
    {
        var vhost = await QueueWithMessagesAsync(3);
        await Server.Management.PutUserAsync(RabbitMqTestCertificates.ClientCommonName, null, vhost);
        var auth = Tls(Server.Certificates.CaPem);
        auth["cert"] = Server.Certificates.ClientCertPem;
        auth["key"] = Server.Certificates.ClientEncryptedKeyPem;
        auth["keyPassword"] = RabbitMqTestCertificates.ClientKeyPassword;

        var reading = await ReadAsync($"amqps://127.0.0.1:{Port(Server.Ports.Amqps)}/{Uri.EscapeDataString(vhost)}", auth);

        reading.ShouldBe("3");
    }

    [Fact]
    public async Task Read_UntrustedServerCertificate_IsATlsError()
    {
        var vhost = await QueueWithMessagesAsync(1);
        var amqps = $"amqps://{User}:{Password}@127.0.0.1:{Port(Server.Ports.Amqps)}/{Uri.EscapeDataString(vhost)}";

        var systemStore = await ReadAsync(amqps, Tls(null));
        var otherCa = await ReadAsync(amqps, Tls(Server.Certificates.OtherCaPem));
        var https = await ReadAsync($"https://{User}:{Password}@127.0.0.1:{Port(Server.Ports.ManagementTls)}/{Uri.EscapeDataString(vhost)}", Tls(Server.Certificates.OtherCaPem));

        foreach (var error in new[] { systemStore, otherCa })
        {
            error.ShouldStartWith($"rabbitmq at 127.0.0.1:{Port(Server.Ports.Amqps)}: TLS handshake failed (");
            error.ShouldNotContain(Password);
        }
        https.ShouldStartWith($"rabbitmq management API at https://127.0.0.1:{Port(Server.Ports.ManagementTls)}/{Uri.EscapeDataString(vhost)} (user \"{User}\"): rabbitmq management API request failed: The SSL connection could not be established");
        https.ShouldNotContain(Password);
    }

    [Fact]
    public async Task Read_TlsToAPlainPortOrPlainToATlsPort_IsAClearError()
    {
        var vhost = await QueueWithMessagesAsync(1);

        var tlsToPlain = await ReadAsync($"amqps://{User}:{Password}@127.0.0.1:{Port(Server.Ports.Amqp)}/{Uri.EscapeDataString(vhost)}", Tls(Server.Certificates.CaPem));
        var plainToTls = await ReadAsync($"amqp://{User}:{Password}@127.0.0.1:{Port(Server.Ports.Amqps)}/{Uri.EscapeDataString(vhost)}", []);

        tlsToPlain.ShouldStartWith($"rabbitmq at 127.0.0.1:{Port(Server.Ports.Amqp)}: ");
        tlsToPlain.ShouldContain("TLS");
        plainToTls.ShouldStartWith($"rabbitmq at 127.0.0.1:{Port(Server.Ports.Amqps)}");
        tlsToPlain.ShouldNotContain(Password);
        plainToTls.ShouldNotContain(Password);
    }

    private async Task<string> QueueWithMessagesAsync(int count)
    {
        var vhost = await fixture.NewVhostAsync(User, Password);
        await Server.Management.DeclareQueueAsync(vhost, "jobs");
        await Server.Management.PublishAsync(vhost, "jobs", count);
        await Server.Management.WaitForCountsAsync(vhost, "jobs", count, count);
        return vhost;
    }

    private static Dictionary<string, string> Tls(string? ca) =>
        ca is null ? new() { ["tls"] = "enable" } : new() { ["tls"] = "enable", ["ca"] = ca };

    /// <summary>The value read, as text, or the error's message.</summary>
    private static async Task<string> ReadAsync(string host, Dictionary<string, string> auth)
    {
        var context = TestTriggers.For("rabbitmq", new Dictionary<string, string> { ["host"] = host, ["queueName"] = "jobs" }, auth);
        await using var scaler = new RabbitMqScalerFactory().Create(context);
        try
        {
            return (await scaler.ReadAsync(CancellationToken.None)).Value.ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is not ShouldAssertException)
        {
            return e.Message;
        }
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
