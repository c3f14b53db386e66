using Crema.Abstractions;
using Crema.Scalers.Http;
using Crema.Scalers.Prometheus;
using static Crema.Tests.Scalers.Prometheus.PrometheusTriggers;

namespace Crema.Tests.Scalers.Prometheus;

/// <summary>The prometheus keys' sources, aliases and deprecations as KEDA 2.20's prometheusMetadata tags declare them.</summary>
public sealed class PrometheusKeysTests
{
    private readonly PrometheusScalerFactory factory = new();

    private ScalerValidation Validate(string changes, string auth = "", Func<string, string?>? env = null) =>
        factory.Validate(Context(Metadata(changes), Auth(auth), environment: env));

    [Fact]
    public void Validate_CortexOrgId_IsAcceptedWithAWarningNamingCustomHeaders()
    {
        var validation = Validate("cortexOrgID=tenant-1");

        validation.IsValid.ShouldBeTrue();
        validation.UnknownKeys.ShouldBeEmpty();
        validation.Warnings.ShouldBe([new MetadataError("cortexOrgID",
            "is deprecated: KEDA removed it and ignores it, and so does Crema: send the tenant with customHeaders: X-Scope-OrgID=<tenant>")]);
        factory.BindForTest(Context(Metadata("cortexOrgID=tenant-1"))).Metadata.CustomHeaders.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("activationThreshold", "5")]
    [InlineData("namespace", "team-a")]
    [InlineData("queryParameters", "dedup=false")]
    [InlineData("customHeaders", "X-Scope-OrgID=t")]
    [InlineData("ignoreNullValues", "false")]
    [InlineData("unsafeSsl", "true")]
    [InlineData("timeout", "10s")]
    public void Validate_FromEnvOfMetadataOnlyKey_IsIgnoredWithAWarning(string key, string value)
    {
        var env = new Dictionary<string, string> { ["VAR"] = value };

        var validation = Validate($"{key}FromEnv=VAR", env: env.GetValueOrDefault);
        var (metadata, _) = factory.BindForTest(Context(Metadata($"{key}FromEnv=VAR"), environment: env.GetValueOrDefault));

        validation.IsValid.ShouldBeTrue();
        validation.Warnings.ShouldBe([new MetadataError(key + "FromEnv", $"is ignored: {key} is read only from metadata, not from the environment")]);
        (metadata.ActivationThreshold, metadata.Namespace, metadata.IgnoreNullValues, metadata.UnsafeSsl, metadata.Timeout)
            .ShouldBe((0d, (string?)null, true, false, TimeSpan.FromSeconds(3)));
        metadata.QueryParameters.ShouldBeEmpty();
        metadata.CustomHeaders.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_QueryOnlyFromEnv_IsRequiredAndTheEntryIgnored()
    {
        var validation = Validate("-query|queryFromEnv=PROM_QUERY", env: _ => "sum(up)");

        validation.Errors.ShouldBe([new MetadataError("query", "is required")]);
        validation.Warnings.ShouldBe([new MetadataError("queryFromEnv", "is ignored: query is read only from metadata, not from the environment")]);
    }

    [Theory]
    [InlineData("authMode=bearer", "bearerToken=t")]
    [InlineData("authModes=bearer", "token=t")]
    [InlineData("", "authMode=bearer|token=t")]
    public void Bind_AuthModeAndTokenAliases_AreRead(string metadata, string auth)
    {
        var (bound, errors) = factory.BindForTest(Context(Metadata(metadata), Auth(auth)));

        errors.ShouldBeEmpty();
        bound.Authentication.Modes.ShouldBe(HttpAuthModes.Bearer);
        bound.Authentication.BearerToken.ShouldBe("t");
    }

    [Fact]
    public void Bind_AuthModesInMetadataAndAuthenticationRef_MetadataComesFirst()
    {
        var (bound, errors) = factory.BindForTest(Context(Metadata("authModes=basic"), Auth("authModes=bearer|username=u|bearerToken=t")));

        errors.ShouldBeEmpty();
        bound.Authentication.Modes.ShouldBe(HttpAuthModes.Basic);
    }

    [Fact]
    public void Validate_BearerTokenInMetadata_IsIgnoredWithAWarning()
    {
        var validation = Validate("authModes=bearer|bearerToken=t");

        validation.Errors.ShouldBe([new MetadataError("bearerToken",
            "is required when authModes includes bearer (as a parameter of the trigger's authenticationRef)", MetadataSource.AuthParams)]);
        validation.Warnings.ShouldBe([new MetadataError("bearerToken",
            "is ignored: bearerToken is read only from the authenticationRef's parameters, not from metadata")]);
    }
}
