using Crema.Abstractions;
using Crema.Scalers.Kafka;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Kafka;

/// <summary>TLS against the mock brokers, and the failures a poll must report clearly (never as zero lag).</summary>
[Collection(KafkaMockBrokerCollection.Name)]
public sealed class KafkaTlsAndFailureTests
{
    private static readonly TestCertificates Certificates = TestCertificates.Create();

    private static KafkaMockState Orders(KafkaMockTls? tls = null) => new()
    {
        Topics = new Dictionary<string, int> { ["orders"] = 2 },
        EndOffsets = new Dictionary<string, IReadOnlyDictionary<int, long>> { ["orders"] = new Dictionary<int, long> { [0] = 1000, [1] = 500 } },
        Committed = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>>>
        {
            ["g1"] = new Dictionary<string, IReadOnlyDictionary<int, long>> { ["orders"] = new Dictionary<int, long> { [0] = 900, [1] = 450 } },
        },
        Tls = tls,
    };

    private static KafkaMockTls BrokerCertificate => new(Certificates.ServerCertPem, Certificates.ServerKeyPem);

    [Fact]
    public async Task ReadAsync_TlsWithTrustedCa_ReadsLag()
    {
        await using var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(Orders(BrokerCertificate));
        await using var scaler = KafkaTestContexts.Create(KafkaTestContexts.Context(bootstrap, new() { ["tls"] = "enable" }, new() { ["ca"] = Certificates.CaPem }));

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(150);
    }

    [Fact]
    public async Task ReadAsync_TlsUnsafeSsl_ReadsLagWithoutTheCa()
    {
        await using var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(Orders(BrokerCertificate));
        await using var scaler = KafkaTestContexts.Create(KafkaTestContexts.Context(bootstrap, new() { ["tls"] = "enable", ["unsafeSsl"] = "true" }));

        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(150);
    }

    [Fact]
    public async Task ReadAsync_BrokerCertificateNotTrusted_FailsNamingBroker()
    {
        await using var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(Orders(BrokerCertificate));
        await using var scaler = KafkaTestContexts.Create(KafkaTestContexts.Context(bootstrap, new() { ["tls"] = "enable" }));

        var error = await Should.ThrowAsync<KafkaReadException>(async () => await scaler.ReadAsync(CancellationToken.None));

        error.Message.ShouldContain(bootstrap);
        error.Message.ShouldContain("certificate verify failed");
    }

    [Fact]
    public async Task ReadAsync_TlsAgainstCleartextBroker_FailsNamingBroker()
    {
        await using var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(Orders());
        await using var scaler = KafkaTestContexts.Create(KafkaTestContexts.Context(bootstrap, new() { ["tls"] = "enable" }, new() { ["ca"] = Certificates.CaPem }));

        var error = await Should.ThrowAsync<KafkaReadException>(async () => await scaler.ReadAsync(CancellationToken.None));

        // librdkafka reports a handshake timeout or a transport failure, depending on timing.
        error.Message.ShouldContain(bootstrap);
    }

    [Fact]
    public async Task ReadAsync_CleartextAgainstTlsBroker_FailsNamingBroker()
    {
        await using var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(Orders(BrokerCertificate));
        await using var scaler = KafkaTestContexts.Create(KafkaTestContexts.Context(bootstrap));

        var error = await Should.ThrowAsync<KafkaReadException>(async () => await scaler.ReadAsync(CancellationToken.None));

        error.Message.ShouldContain(bootstrap);
    }

    [Fact]
    public async Task ReadAsync_BrokerDown_FailsNamingBrokerAndUser()
    {
        var bootstrap = $"127.0.0.1:{FreeTcpPort.Next()}";
        await using var scaler = KafkaTestContexts.Create(KafkaTestContexts.Context(
            bootstrap, new() { ["sasl"] = "scram_sha512" }, new() { ["username"] = "alice", ["password"] = "s3cret-pw" }));

        var error = await Should.ThrowAsync<KafkaReadException>(async () => await scaler.ReadAsync(CancellationToken.None));

        error.Message.ShouldContain(bootstrap);
        error.Message.ShouldContain("\"alice\"");
        error.Message.ShouldContain("Connection refused");
        error.Message.ShouldNotContain("s3cret-pw");
    }

    [Fact]
    public async Task ReadAsync_BrokerStopsBetweenPolls_FailsInsteadOfReadingZero()
    {
        var broker = new KafkaMockBroker();
        var bootstrap = await broker.StartAsync(Orders());
        await using var scaler = KafkaTestContexts.Create(KafkaTestContexts.Context(bootstrap));
        (await scaler.ReadAsync(CancellationToken.None)).Value.ShouldBe(150);

        await broker.DisposeAsync();

        var error = await Should.ThrowAsync<KafkaReadException>(async () => await scaler.ReadAsync(CancellationToken.None));
        error.Message.ShouldContain(bootstrap);
    }

    [Fact]
    public async Task Create_SameBrokersAndCredentials_ShareOneClientUntilTheLastIsDisposed()
    {
        await using var broker = new KafkaMockBroker();
        // The mock answers OffsetFetch per broker, whatever the group: give each group its own coordinator.
        var bootstrap = await broker.StartAsync(Orders() with
        {
            Brokers = 2,
            Committed = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<int, long>>>(Orders().Committed)
            {
                ["other"] = new Dictionary<string, IReadOnlyDictionary<int, long>> { ["orders"] = new Dictionary<int, long> { [0] = 1000, [1] = 500 } },
            },
            Coordinators = new Dictionary<string, int> { ["g1"] = 1, ["other"] = 2 },
        });
        var services = new DefaultScalerServices();
        var pool = KafkaClientPool.For(services);
        var first = KafkaTestContexts.Create(KafkaTestContexts.Context(bootstrap, services: services));
        var second = KafkaTestContexts.Create(KafkaTestContexts.Context(bootstrap, new() { ["consumerGroup"] = "other" }, services: services));
        var third = KafkaTestContexts.Create(KafkaTestContexts.Context(bootstrap, new() { ["sasl"] = "plaintext" }, new() { ["username"] = "u", ["password"] = "p" }, services));

        (await first.ReadAsync(CancellationToken.None)).Value.ShouldBe(150);
        var connections = await broker.GetConnectionsAsync();
        (await second.ReadAsync(CancellationToken.None)).Value.ShouldBe(0, "group other has consumed everything");

        pool.Count.ShouldBe(2, "the SASL trigger has other credentials");
        (await broker.GetConnectionsAsync()).ShouldBe(connections, "the second group's trigger reused the first one's client");
        await first.DisposeAsync();
        await third.DisposeAsync();
        pool.Count.ShouldBe(1);
        (await second.ReadAsync(CancellationToken.None)).Value.ShouldBe(0);
        await second.DisposeAsync();
        pool.Count.ShouldBe(0);
    }
}
