using Crema.Abstractions;
using Crema.Scalers;
using Crema.Scalers.External;

namespace Crema.Tests.Scalers.External;

public sealed class ExternalMetadataTests
{
    private static readonly ExternalScalerFactory Factory = new();

    [Fact]
    public void Validate_NoScalerAddress_ReportsRequired()
    {
        var result = Factory.Validate(ExternalTestContexts.Create([]));

        result.Errors.ShouldContain(e => e.Key == "scalerAddress" && e.Message == "is required");
    }

    [Theory]
    [InlineData("my-scaler")]
    [InlineData("my-scaler:0")]
    [InlineData("ftp://my-scaler:6000")]
    [InlineData("bad host:6000")]
    public void Validate_MalformedAddress_ReportsScalerAddress(string address)
    {
        var result = Factory.Validate(ExternalTestContexts.Create(new() { ["scalerAddress"] = address }));

        result.Errors.ShouldHaveSingleItem().Key.ShouldBe("scalerAddress");
    }

    [Theory]
    [InlineData("my-scaler:6000", false, "http://my-scaler:6000/")]
    [InlineData("dns:///my-scaler:6000", false, "http://my-scaler:6000/")]
    [InlineData("my-scaler:6000", true, "https://my-scaler:6000/")]
    [InlineData("[::1]:6000", false, "http://[::1]:6000/")]
    [InlineData("https://scaler-abc.a.run.app", false, "https://scaler-abc.a.run.app/")]
    public void BindForTest_Address_GivesServerRoot(string address, bool enableTls, string expected)
    {
        var (metadata, errors) = Factory.BindForTest(ExternalTestContexts.Create(new()
        {
            ["scalerAddress"] = address,
            ["enableTLS"] = enableTls ? "true" : "false",
        }));

        errors.ShouldBeEmpty();
        metadata.Address.ToString().ShouldBe(expected);
        metadata.Http.Http2Only.ShouldBeTrue();
    }

    [Fact]
    public void BindForTest_CaCertWithoutEnableTls_UsesTlsLikeKeda()
    {
        using var certificates = TestCertificates.Create();

        var (metadata, errors) = Factory.BindForTest(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = "my-scaler:6000" }, authParams: new() { ["caCert"] = certificates.CaPem }));

        errors.ShouldBeEmpty();
        metadata.Address.Scheme.ShouldBe("https");
        metadata.Http.CaCertificatePem.ShouldBe(certificates.CaPem);
    }

    [Fact]
    public void Validate_ClientCertificateWithoutKey_ReportsMissingKeyAsAuthParameter()
    {
        var result = Factory.Validate(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = "my-scaler:6000" }, authParams: new() { ["tlsClientCert"] = "" }, validationOnly: true));

        var error = result.Errors.ShouldHaveSingleItem();
        error.Key.ShouldBe("tlsClientKey");
        error.Source.ShouldBe(MetadataSource.AuthParams);
    }

    [Fact]
    public void Create_CaCertNotPem_ThrowsConfigurationError()
    {
        var error = Should.Throw<ScalerConfigurationException>(() => Factory.Create(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = "my-scaler:6000" }, authParams: new() { ["caCert"] = "not a certificate" })));

        error.Errors.ShouldHaveSingleItem().Key.ShouldBe("caCert");
    }

    [Fact]
    public void Validate_ServerSpecificKeys_AreNotReportedUnknown()
    {
        var result = Factory.Validate(ExternalTestContexts.Create(new()
        {
            ["scalerAddress"] = "my-scaler:6000",
            ["queueName"] = "jobs",
            ["tokenFromEnv"] = "TOKEN",
        }, validationOnly: true));

        result.IsValid.ShouldBeTrue();
        result.UnknownKeys.ShouldBeEmpty();
    }

    [Fact]
    public void BindForTest_FromEnvKeys_ForwardResolvedValueUnderSameKeyAndDropUnset()
    {
        var (metadata, errors) = Factory.BindForTest(ExternalTestContexts.Create(
            new()
            {
                ["scalerAddress"] = "my-scaler:6000",
                ["queueName"] = "jobs",
                ["tokenFromEnv"] = "TOKEN",
                ["missingFromEnv"] = "NOT_SET",
            },
            environment: name => name == "TOKEN" ? "s3cret" : null));

        errors.ShouldBeEmpty();
        metadata.ScalerMetadata.ShouldBe(new Dictionary<string, string>
        {
            ["scalerAddress"] = "my-scaler:6000",
            ["queueName"] = "jobs",
            ["tokenFromEnv"] = "s3cret",
        }, ignoreOrder: true);
    }

    [Fact]
    public void Validate_ScalerAddressOnlyFromEnv_IsRequiredLikeKedaButStillForwarded()
    {
        var context = ExternalTestContexts.Create(new() { ["scalerAddressFromEnv"] = "SCALER" }, environment: name => name == "SCALER" ? "my-scaler:6000" : null);

        var validation = Factory.Validate(context);
        var (metadata, _) = Factory.BindForTest(context);

        validation.Errors.ShouldBe([new MetadataError("scalerAddress", "is required")]);
        validation.UnknownKeys.ShouldBeEmpty();
        validation.Warnings.ShouldBeEmpty();
        metadata.ScalerMetadata.ShouldBe(new Dictionary<string, string> { ["scalerAddressFromEnv"] = "my-scaler:6000" });
    }

    [Theory]
    [InlineData("enableTLSFromEnv", "true")]
    [InlineData("caCert", "-----BEGIN CERTIFICATE-----")]
    public void BindForTest_TlsSettingsOutsideTheirSources_DoNotTurnTlsOnButAreForwarded(string key, string value)
    {
        var (metadata, errors) = Factory.BindForTest(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = "my-scaler:6000", [key] = key.EndsWith("FromEnv", StringComparison.Ordinal) ? "VAR" : value },
            environment: name => name == "VAR" ? value : null));

        errors.ShouldBeEmpty();
        metadata.Address.Scheme.ShouldBe("http");
        metadata.Http.CaCertificatePem.ShouldBeNull();
        metadata.ScalerMetadata[key].ShouldBe(value);
    }

    [Theory]
    [InlineData("enableTLS", "yes")]
    [InlineData("unsafeSsl", "1")]
    public void Validate_FlagNotABoolean_ReportsTheExactError(string key, string value)
    {
        var validation = Factory.Validate(ExternalTestContexts.Create(new() { ["scalerAddress"] = "my-scaler:6000", [key] = value }));

        validation.Errors.ShouldBe([new MetadataError(key, $"\"{value}\" is not a boolean (true or false)")]);
    }

    [Fact]
    public void Validate_ClientKeyWithoutCertificate_ReportsTheExactError()
    {
        var validation = Factory.Validate(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = "my-scaler:6000" }, authParams: new() { ["tlsClientKey"] = "" }, validationOnly: true));

        validation.Errors.ShouldBe([new MetadataError("tlsClientCert", "is required when tlsClientKey is given" + MetadataError.AuthenticationRefHint, MetadataSource.AuthParams)]);
    }

    [Fact]
    public void CreateRegistry_Always_KnowsExternalAndExternalPush()
    {
        var registry = BuiltInScalers.CreateRegistry();

        registry.TryGet("external", out var external).ShouldBeTrue();
        external.ShouldBeOfType<ExternalScalerFactory>();
        registry.TryGet("external-push", out var push).ShouldBeTrue();
        push.ShouldBeOfType<ExternalPushScalerFactory>();
    }

    [Fact]
    public void ToString_WithClientKey_ShowsNoSecret()
    {
        using var certificates = TestCertificates.Create();
        var (metadata, errors) = Factory.BindForTest(ExternalTestContexts.Create(
            new() { ["scalerAddress"] = "my-scaler:6000", ["apiKey"] = "plain-metadata-value" },
            authParams: new() { ["tlsClientCert"] = certificates.ClientCertificatePem, ["tlsClientKey"] = certificates.ClientKeyPem }));
        errors.ShouldBeEmpty();
        var keyBody = certificates.ClientKeyPem.Split('\n')[1].Trim();

        var text = metadata.ToString();

        text.ShouldNotContain(keyBody);
        text.ShouldContain("my-scaler:6000");
    }
}
