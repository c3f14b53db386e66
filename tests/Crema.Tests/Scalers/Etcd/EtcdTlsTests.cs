using Crema.Abstractions;
using Crema.Scalers.Etcd;
using Crema.Tests.Support;

namespace Crema.Tests.Scalers.Etcd;

/// <summary>TLS to a real etcd that demands a client certificate from its CA: the right set-up reads, every mismatch fails clearly.</summary>
public sealed class EtcdTlsTests(EtcdTlsFixture etcd) : IClassFixture<EtcdTlsFixture>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadAsync_CaAndClientCertificate_ReadsOverTls(bool encryptedKey)
    {
        var key = "crema/tls-" + Guid.NewGuid().ToString("N")[..8];
        await etcd.Server.PutAsync(key, "8");
        await using var scaler = Create(Auth(encryptedKey), key);

        (await scaler.ReadAsync(CancellationToken.None)).ShouldBe(new MetricReading(8, 5.5, true));
    }

    [Fact]
    public async Task ReadAsync_CleartextClientToTlsServer_FailsPointingAtTls()
    {
        await using var scaler = EtcdTriggers.Create(etcd.Server.Address, "crema/any");

        var error = await Should.ThrowAsync<EtcdReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldStartWith($"etcd at {etcd.Server.Address} (cleartext, no user): Range \"crema/any\": ");
        error.Message.ShouldEndWith("(is this a TLS port? set tls: enable in the trigger's authenticationRef, or use an https:// endpoint)");
    }

    [Fact]
    public async Task ReadAsync_ServerFromAnotherCa_FailsTheHandshake()
    {
        using var other = EtcdTestCertificates.Create("Another CA");
        var auth = Auth(encryptedKey: false);
        auth["ca"] = other.CaPem;
        await using var scaler = Create(auth, "crema/any");

        var error = await Should.ThrowAsync<EtcdReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldStartWith($"etcd at {etcd.Server.Address} (TLS, no user): Range \"crema/any\": INTERNAL");
        error.Message.ShouldContain("(TLS handshake failed: check ca, cert and key, and that the server speaks TLS)");
    }

    [Fact]
    public async Task ReadAsync_NoClientCertificate_IsRefusedAndNeverReadsZero()
    {
        var auth = Auth(encryptedKey: false);
        auth.Remove("cert");
        auth.Remove("key");
        await using var scaler = Create(auth, "crema/any");

        var error = await Should.ThrowAsync<EtcdReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldStartWith($"etcd at {etcd.Server.Address} (TLS, no user): Range \"crema/any\": ");
        error.ToString().ShouldNotContain("PRIVATE KEY");
        error.Message.ShouldEndWith("(the server closed the connection after the TLS handshake: it may require a client certificate, cert and key)");
    }

    [Fact]
    public async Task ReadAsync_TlsClientToCleartextServer_FailsTheHandshake()
    {
        await using var plain = await EtcdServer.StartAsync();
        await using var scaler = (EtcdScaler)EtcdTriggers.Factory.Create(TestTriggers.For(
            "etcd", TestTriggers.Parse($"endpoints={plain.Address}|watchKey=crema/any", EtcdTriggers.Baseline), Auth(encryptedKey: false)));

        var error = await Should.ThrowAsync<EtcdReadException>(() => scaler.ReadAsync(CancellationToken.None).AsTask());

        error.Message.ShouldStartWith($"etcd at {plain.Address} (TLS, no user): Range \"crema/any\": UNAVAILABLE");
        error.Message.ShouldEndWith("(TLS handshake failed: check ca, cert and key, and that the server speaks TLS)");
    }

    private Dictionary<string, string> Auth(bool encryptedKey)
    {
        var auth = new Dictionary<string, string>
        {
            ["tls"] = "enable",
            ["ca"] = etcd.Certificates.CaPem,
            ["cert"] = etcd.Certificates.ClientCertificatePem,
            ["key"] = encryptedKey ? etcd.Certificates.EncryptedClientKeyPem : etcd.Certificates.ClientKeyPem,
        };
        if (encryptedKey)
        {
            auth["keyPassword"] = EtcdTestCertificates.KeyPassword;
        }
        return auth;
    }

    private EtcdScaler Create(Dictionary<string, string> auth, string key) =>
        (EtcdScaler)EtcdTriggers.Factory.Create(TestTriggers.For(
            "etcd", TestTriggers.Parse($"endpoints={etcd.Server.Address}|watchKey={key}", EtcdTriggers.Baseline), auth));
}
