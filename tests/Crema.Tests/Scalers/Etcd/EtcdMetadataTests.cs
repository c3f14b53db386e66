using Crema.Abstractions;
using Crema.Scalers.Etcd;

namespace Crema.Tests.Scalers.Etcd;

/// <summary>Binding of every key, with KEDA 2.20's etcd_scaler_test.go cases transcribed and Crema's exact messages.</summary>
public sealed class EtcdMetadataTests
{
    private const string Valid = "endpoints=172.0.0.1:2379|watchKey=length|value=5|activationValue=0|watchProgressNotifyInterval=600";

    // KEDA's parseEtcdMetadataTestDataset, in its order, with the endpoints it expects on success.
    [Theory]
    [InlineData("endpoints=172.0.0.1:2379,172.0.0.2:2379,172.0.0.3:2379|watchKey=length|value=5.5|activationValue=0.5|watchProgressNotifyInterval=600", "", "172.0.0.1:2379,172.0.0.2:2379,172.0.0.3:2379")]
    [InlineData("endpoints=172.0.0.1:2379|watchKey=var|value=5.5|activationValue=0.5|watchProgressNotifyInterval=600", "", "172.0.0.1:2379")]
    [InlineData(Valid + "|endpoints=", "endpoints: is required", "")]
    [InlineData(Valid + "|watchKey=", "watchKey: is required", "")]
    [InlineData(Valid + "|value=a", "value: \"a\" is not a number", "")]
    [InlineData(Valid + "|activationValue=b", "activationValue: \"b\" is not a number", "")]
    [InlineData(Valid + "|watchProgressNotifyInterval=0", "watchProgressNotifyInterval: must be > 0, found 0", "")]
    // Crema's further checks.
    [InlineData(Valid + "|-value", "value: is required", "")]
    [InlineData(Valid + "|watchProgressNotifyInterval=-5", "watchProgressNotifyInterval: must be > 0, found -5", "")]
    [InlineData(Valid + "|watchProgressNotifyInterval=1.5", "watchProgressNotifyInterval: \"1.5\" is not an integer", "")]
    [InlineData(Valid + "|endpoints=etcd-0:2379, ,etcd-1:2379", "", "etcd-0:2379,etcd-1:2379")]
    [InlineData(Valid + "|endpoints=http://etcd:2379,https://[::1]:2379/", "", "etcd:2379,[::1]:2379")]
    [InlineData(Valid + "|endpoints=etcd", "endpoints: \"etcd\" has no port (etcd serves clients on 2379)", "")]
    [InlineData(Valid + "|endpoints=etcd:0", "endpoints: \"etcd:0\" has no valid port (1-65535)", "")]
    [InlineData(Valid + "|endpoints=unix://etcd.sock", "endpoints: \"unix://etcd.sock\" has the scheme \"unix\"; give host:port, http://host:port or https://host:port", "")]
    [InlineData(Valid + "|endpoints=::1:2379", "endpoints: \"::1:2379\" is not host:port", "")]
    [InlineData("watchProgressNotifyInterval=x|value=y", "endpoints: is required; watchKey: is required; value: \"y\" is not a number; watchProgressNotifyInterval: \"x\" is not an integer", "")]
    public void Bind_KedaAndCremaMetadataCases_ReportExactlyTheseErrors(string metadata, string expected, string endpoints)
    {
        var (bound, errors) = EtcdTriggers.Factory.BindForTest(Support.TestTriggers.For("etcd", metadata));

        string.Join("; ", errors).ShouldBe(expected);
        if (expected.Length == 0)
        {
            string.Join(',', bound.Endpoints).ShouldBe(endpoints);
        }
    }

    // KEDA's parseEtcdAuthParamsTestDataset, in its order, over validEtcdMetadata. KEDA's placeholders (caaa, ceert,
    // keey, keeyPassword) stand for real PEM texts here: Crema loads them when it binds a live trigger.
    [Theory]
    [InlineData("tls=enable|ca=caaa|cert=ceert|key=keey", "", true)]
    [InlineData("tls=enable|cert=ceert|key=keey", "", true)]
    [InlineData("tls=enable|cert=ceert|key=keey|keyPassword=keeyPassword", "", true)]
    [InlineData("tls=enable|ca=caaa", "", true)]
    [InlineData("tls=enable|ca=caaa|key=keey", "cert: must be provided with key (as a parameter of the trigger's authenticationRef)", true)]
    [InlineData("tls=enable|ca=caaa|cert=ceert", "key: must be provided with cert (as a parameter of the trigger's authenticationRef)", true)]
    [InlineData("tls=yes|ca=caaa|cert=ceert|key=keey", "tls: the value is not one of: enable, disable", false)]
    [InlineData("username=root|password=admin", "", false)]
    [InlineData("username=root", "password: must be provided with username", false)]
    [InlineData("password=admin", "username: must be provided with password", false)]
    // Crema's further checks: KEDA reads the PEM keys only with tls: enable, and so does Crema.
    [InlineData("tls=disable|cert=ceert", "", false)]
    [InlineData("tls=Enable|ca=caaa", "", true)]
    [InlineData("", "", false)]
    public void Bind_KedaAuthParamCases_ReportExactlyTheseErrors(string auth, string expected, bool tls)
    {
        using var certificates = EtcdTestCertificates.Create();
        var parameters = Support.TestTriggers.Parse(auth);
        var encrypted = parameters.ContainsKey("keyPassword");
        foreach (var (name, pem) in new[]
        {
            ("ca", certificates.CaPem),
            ("cert", certificates.ClientCertificatePem),
            ("key", encrypted ? certificates.EncryptedClientKeyPem : certificates.ClientKeyPem),
            ("keyPassword", EtcdTestCertificates.KeyPassword),
        })
        {
            if (parameters.ContainsKey(name))
            {
                parameters[name] = pem;
            }
        }

        var (bound, errors) = EtcdTriggers.Factory.BindForTest(Support.TestTriggers.For("etcd", Support.TestTriggers.Parse("", EtcdTriggers.Baseline), parameters));

        string.Join("; ", errors).ShouldBe(expected);
        (bound.Tls is not null).ShouldBe(tls);
        if (tls && expected.Length == 0)
        {
            bound.Tls!.CaPem.ShouldBe(parameters.GetValueOrDefault("ca"));
            bound.Tls.CertPem.ShouldBe(parameters.GetValueOrDefault("cert"));
            bound.Tls.KeyPem.ShouldBe(parameters.GetValueOrDefault("key"));
            bound.Tls.KeyPassword.ShouldBe(parameters.GetValueOrDefault("keyPassword"));
        }
    }

    [Fact]
    public void Bind_ValidationOnly_DefersTheSecretsAndChecksOnlyTheirPresence()
    {
        var (_, errors) = EtcdTriggers.Bind("", "username=|tls=enable|cert=|ca=", validationOnly: true);

        string.Join("; ", errors).ShouldBe("password: must be provided with username");
    }

    [Fact]
    public void Bind_OnlyRequiredKeys_TakesKedasDefaults()
    {
        var (metadata, errors) = EtcdTriggers.Factory.BindForTest(Support.TestTriggers.For("etcd", "endpoints=127.0.0.1:2379|watchKey=jobs|value=10"));

        errors.ShouldBeEmpty();
        metadata.Endpoints.ShouldBe([new EtcdEndpoint("127.0.0.1", 2379, null)]);
        metadata.WatchKey.ShouldBe("jobs");
        metadata.Value.ShouldBe(10);
        metadata.ActivationValue.ShouldBe(0);
        metadata.WatchProgressNotifyInterval.ShouldBe(TimeSpan.FromSeconds(600));
        metadata.Username.ShouldBeNull();
        metadata.Password.ShouldBeNull();
        metadata.Tls.ShouldBeNull();
    }

    [Fact]
    public void Bind_CredentialsFromEnv_ReadsThemAndNeverShowsThePassword()
    {
        var environment = new Dictionary<string, string> { ["ETCD_USER"] = "scaler", ["ETCD_PASSWORD"] = "s3cret-etcd" };

        var (metadata, errors) = EtcdTriggers.Bind("usernameFromEnv=ETCD_USER|passwordFromEnv=ETCD_PASSWORD", environment: environment);

        errors.ShouldBeEmpty();
        metadata.Username.ShouldBe("scaler");
        metadata.Password.ShouldBe("s3cret-etcd");
        metadata.ToString().ShouldNotContain("s3cret-etcd");
    }

    [Fact]
    public void Bind_CredentialsWrittenInMetadata_AreIgnoredWithWarnings()
    {
        var context = EtcdTriggers.Context("username=root|password=admin");

        var validation = EtcdTriggers.Factory.Validate(context);

        validation.Errors.ShouldBeEmpty();
        validation.Warnings.Select(w => w.Key).ShouldBe(["password", "username"], ignoreOrder: true);
    }

    [Fact]
    public void Bind_LiveWithUnreadablePem_NamesTheKeyWithoutItsText()
    {
        var (_, errors) = EtcdTriggers.Bind("", "tls=enable|ca=not-a-certificate|cert=cert-text|key=key-text");

        string.Join("; ", errors).ShouldBe(
            "ca: is not a PEM certificate; cert: is not a PEM certificate matching the PEM key in key (an encrypted key needs keyPassword)");
        errors.ShouldAllBe(e => e.Source == MetadataSource.AuthParams);
    }

    [Fact]
    public void Bind_RealPemWithEncryptedKey_LoadsOnlyWithTheRightPassword()
    {
        using var certificates = EtcdTestCertificates.Create();
        var auth = new Dictionary<string, string>
        {
            ["tls"] = "enable",
            ["ca"] = certificates.CaPem,
            ["cert"] = certificates.ClientCertificatePem,
            ["key"] = certificates.EncryptedClientKeyPem,
            ["keyPassword"] = EtcdTestCertificates.KeyPassword,
        };
        var metadata = Support.TestTriggers.Parse("", EtcdTriggers.Baseline);

        var (good, goodErrors) = EtcdTriggers.Factory.BindForTest(Support.TestTriggers.For("etcd", metadata, auth));
        auth["keyPassword"] = "wrong";
        var (_, badErrors) = EtcdTriggers.Factory.BindForTest(Support.TestTriggers.For("etcd", metadata, auth));

        goodErrors.ShouldBeEmpty();
        good.Tls.ShouldNotBeNull().HasClientCertificate.ShouldBeTrue();
        good.ToString().ShouldNotContain("PRIVATE KEY");
        string.Join("; ", badErrors).ShouldBe("keyPassword: does not decrypt key into the key of cert (key must be an encrypted PKCS#8 PEM, ENCRYPTED PRIVATE KEY)");
    }

    [Theory]
    [InlineData("3", true)]
    [InlineData("3.5", false)]
    public void ToReading_ActiveOnlyAboveActivationValue(string activation, bool active)
    {
        var (metadata, _) = EtcdTriggers.Bind($"value=2|activationValue={activation}");

        metadata.ToReading(3.5).ShouldBe(new MetricReading(3.5, 2, active));
    }
}
