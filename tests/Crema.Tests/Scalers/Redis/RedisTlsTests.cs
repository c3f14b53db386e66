using System.Diagnostics;
using Crema.Abstractions;
using Crema.Scalers.Redis;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Redis;

/// <summary>Redis triggers over TLS to real redis-servers: custom CA, system trust, unsafeSsl, client certificates and TLS/plain mismatches.</summary>
public sealed class RedisTlsTests(RedisTlsFixture tls) : IClassFixture<RedisTlsFixture>
{
    private readonly RedisConnectionPool pool = new();

    private RedisTestCertificates Certificates => tls.Certificates;

    [Fact]
    public async Task Read_CustomCaFromAuthParams_ReadsOverTls()
    {
        var reading = await ReadAsync(tls.Server.TlsAddress, "", new() { ["tls"] = "enable", ["ca"] = Certificates.CaPem });

        reading.ShouldBe(new MetricReading(0, 5, false));
    }

    [Fact]
    public async Task Read_EnableTlsWithoutCa_FailsAsUntrustedNamingTheFix()
    {
        var error = await FailAsync(tls.Server.TlsAddress, "enableTLS=true", []);

        error.Message.ShouldStartWith($"redis {tls.Server.TlsAddress} as user \"default\" over TLS: TLS handshake failed (check ca, cert and key, or unsafeSsl): ");
        error.Message.ShouldContain("UntrustedRoot");
    }

    [Fact]
    public async Task Read_UnsafeSsl_ReadsWithoutTrustingTheServer()
    {
        var reading = await ReadAsync(tls.Server.TlsAddress, "enableTLS=true|unsafeSsl=true", []);

        reading.Value.ShouldBe(0);
    }

    [Fact]
    public async Task Read_CaOfAnotherAuthority_FailsTheHandshake()
    {
        var error = await FailAsync(tls.Server.TlsAddress, "", new() { ["tls"] = "enable", ["ca"] = tls.OtherCa.CaPem });

        error.Message.ShouldContain("TLS handshake failed");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Read_ClientCertificate_ReadsFromAServerThatDemandsOne(bool encryptedKey)
    {
        var auth = new Dictionary<string, string> { ["tls"] = "enable", ["ca"] = Certificates.CaPem, ["cert"] = Certificates.ClientCertificatePem };
        auth["key"] = encryptedKey ? Certificates.EncryptedClientKeyPem : Certificates.ClientKeyPem;
        if (encryptedKey)
        {
            auth["keyPassword"] = RedisTestCertificates.KeyPassword;
        }

        var reading = await ReadAsync(tls.MutualServer.TlsAddress, "", auth);

        reading.Value.ShouldBe(0);
    }

    [Fact]
    public async Task Read_NoClientCertificateForAServerThatDemandsOne_Fails()
    {
        var error = await FailAsync(tls.MutualServer.TlsAddress, "", new() { ["tls"] = "enable", ["ca"] = Certificates.CaPem });

        error.Message.ShouldStartWith($"redis {tls.MutualServer.TlsAddress} as user \"default\" over TLS: cannot connect (UnableToConnect): ");
        error.Message.ShouldEndWith("certificate required (the server demands a client certificate: give cert and key)", Case.Sensitive, "the library's logged reason, with what to do");
    }

    [Fact]
    public void Create_WrongKeyPassword_IsAConfigErrorWithoutTheKey()
    {
        var auth = new Dictionary<string, string>
        {
            ["tls"] = "enable",
            ["cert"] = Certificates.ClientCertificatePem,
            ["key"] = Certificates.EncryptedClientKeyPem,
            ["keyPassword"] = "not-the-key-pass",
        };

        var (_, errors) = new RedisListScalerFactory(RedisTopology.Standalone, pool).BindForTest(Context(tls.Server.TlsAddress, "", auth));

        var error = errors.ShouldHaveSingleItem();
        error.ToString().ShouldBe("cert: with key and keyPassword is not a PEM certificate and encrypted private key that belong together (check keyPassword)");
    }

    [Fact]
    public async Task Read_PlainClientOnTheTlsPort_FailsAtOnce()
    {
        var clock = Stopwatch.StartNew();

        var error = await FailAsync(tls.Server.TlsAddress, "", []);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3), "the server drops a client that does not start TLS");
        error.Message.ShouldBe($"redis {tls.Server.TlsAddress} as user \"default\": cannot connect (UnableToConnect): Connection reset by peer (if that port serves TLS, set enableTLS: \"true\" or the tls: enable parameter)");
    }

    [Fact]
    public async Task Read_TlsClientOnThePlainPort_TimesOutOnTheScalersClockWithAHint()
    {
        var time = new FakeTimeProvider();
        await using var scaler = Create(tls.Server.Address, "enableTLS=true|unsafeSsl=true", [], time);

        var read = scaler.ReadAsync(CancellationToken.None).AsTask();
        read.IsCompleted.ShouldBeFalse();
        time.Advance(RedisSource.ReadTimeout);

        var error = await Should.ThrowAsync<RedisScalerException>(() => read);
        error.Message.ShouldBe($"redis {tls.Server.Address} as user \"default\" over TLS: no answer within 5 s while connecting (TLS is enabled: does that port serve TLS?)");
    }

    private async Task<MetricReading> ReadAsync(string address, string metadata, Dictionary<string, string> auth)
    {
        await using var scaler = Create(address, metadata, auth);
        return await scaler.ReadAsync(CancellationToken.None);
    }

    private async Task<RedisScalerException> FailAsync(string address, string metadata, Dictionary<string, string> auth)
    {
        await using var scaler = Create(address, metadata, auth);
        var error = await Should.ThrowAsync<RedisScalerException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());
        error.Message.ShouldNotContain("PRIVATE KEY");
        return error;
    }

    private IScaler Create(string address, string metadata, Dictionary<string, string> auth, TimeProvider? time = null) =>
        new RedisListScalerFactory(RedisTopology.Standalone, pool).Create(Context(address, metadata, auth, time));

    private static ScalerContext Context(string address, string metadata, Dictionary<string, string> auth, TimeProvider? time = null) =>
        TestTriggers.For("redis", TestTriggers.Parse(metadata, $"address={address}|listName=jobs"), auth, timeProvider: time);
}
