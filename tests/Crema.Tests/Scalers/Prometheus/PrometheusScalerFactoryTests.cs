using Crema.Abstractions;
using Crema.Scalers.Http;
using Crema.Scalers.Prometheus;
using static Crema.Tests.Scalers.Prometheus.PrometheusTriggers;

namespace Crema.Tests.Scalers.Prometheus;

public class PrometheusScalerFactoryTests
{
    private readonly PrometheusScalerFactory factory = new();

    private (PrometheusMetadata Metadata, IReadOnlyList<MetadataError> Errors) Bind(
        string changes, string auth = "", bool validationOnly = false, bool podIdentity = false, Func<string, string?>? env = null) =>
        factory.BindForTest(Context(Metadata(changes), Auth(auth), validationOnly, podIdentity, env));

    [Fact]
    public void Type_IsPrometheus()
    {
        factory.Type.ShouldBe("prometheus");
        factory.Aliases.ShouldBeEmpty();
    }

    [Fact]
    public void Bind_MinimalMetadata_AppliesKedaDefaults()
    {
        var (metadata, errors) = Bind("serverAddress=http://prom.example:9090/");

        errors.ShouldBeEmpty();
        metadata.ServerAddress.ShouldBe("http://prom.example:9090");
        metadata.Query.ShouldBe("sum(up)");
        metadata.Threshold.ShouldBe(10);
        metadata.ActivationThreshold.ShouldBe(0);
        metadata.Namespace.ShouldBeNull();
        metadata.QueryParameters.ShouldBeEmpty();
        metadata.CustomHeaders.ShouldBeEmpty();
        metadata.IgnoreNullValues.ShouldBeTrue();
        metadata.UnsafeSsl.ShouldBeFalse();
        metadata.Timeout.ShouldBe(TimeSpan.FromSeconds(3));
        metadata.Authentication.Modes.ShouldBe(HttpAuthModes.None);
        metadata.UseGoogleIdentity.ShouldBeFalse();
    }

    [Fact]
    public void Bind_EveryField_ReadsEachValue()
    {
        var (metadata, errors) = Bind(
            "threshold=2.5|activationThreshold=1.5|namespace=team-a|queryParameters=dedup=false, partial_response=true"
            + "|customHeaders=X-Scope-OrgID=tenant,X-Other=a=b|ignoreNullValues=false|unsafeSsl=TRUE|timeout=1500");

        errors.ShouldBeEmpty();
        metadata.Threshold.ShouldBe(2.5);
        metadata.ActivationThreshold.ShouldBe(1.5);
        metadata.Namespace.ShouldBe("team-a");
        metadata.QueryParameters.ShouldBe(new Dictionary<string, string> { ["dedup"] = "false", ["partial_response"] = "true" });
        metadata.CustomHeaders.ShouldBe(new Dictionary<string, string> { ["X-Scope-OrgID"] = "tenant", ["X-Other"] = "a=b" });
        metadata.IgnoreNullValues.ShouldBeFalse();
        metadata.UnsafeSsl.ShouldBeTrue();
        metadata.Timeout.ShouldBe(TimeSpan.FromMilliseconds(1500));
    }

    [Theory]
    [InlineData("timeout=2s", 2000)]
    [InlineData("timeout=250ms", 250)]
    [InlineData("timeout=1m30s", 90000)]
    [InlineData("timeout=0", 3000)]
    [InlineData("timeout=", 3000)]
    public void Bind_Timeout_AcceptsMillisecondsAndGoDurations(string change, int expectedMilliseconds)
    {
        var (metadata, errors) = Bind(change);

        errors.ShouldBeEmpty();
        metadata.Timeout.ShouldBe(TimeSpan.FromMilliseconds(expectedMilliseconds));
    }

    [Theory]
    [InlineData("-serverAddress", "serverAddress", "is required")]
    [InlineData("serverAddress=", "serverAddress", "is required")]
    [InlineData("serverAddress=prom:9090", "serverAddress", "\"prom:9090\" is not an absolute http or https URL")]
    [InlineData("serverAddress=/api", "serverAddress", "\"/api\" is not an absolute http or https URL")]
    [InlineData("serverAddress=ftp://prom", "serverAddress", "\"ftp://prom\" is not an absolute http or https URL")]
    [InlineData("-query", "query", "is required")]
    [InlineData("query=  ", "query", "is required")]
    [InlineData("-threshold", "threshold", "is required")]
    [InlineData("threshold=abc", "threshold", "\"abc\" is not a number")]
    [InlineData("threshold=NaN", "threshold", "\"NaN\" is not a number")]
    [InlineData("threshold=0", "threshold", "must be > 0, found 0")]
    [InlineData("threshold=-1", "threshold", "must be > 0, found -1")]
    [InlineData("activationThreshold=x", "activationThreshold", "\"x\" is not a number")]
    [InlineData("ignoreNullValues=maybe", "ignoreNullValues", "\"maybe\" is not a boolean (true or false)")]
    [InlineData("unsafeSsl=yes", "unsafeSsl", "\"yes\" is not a boolean (true or false)")]
    [InlineData("timeout=soon", "timeout", "\"soon\" is not a duration (Go-style like 30s or 2m, or integer milliseconds)")]
    [InlineData("timeout=-1s", "timeout", "must be at least 0ms, found -1s")]
    [InlineData("queryParameters=dedup", "queryParameters", "\"dedup\" is not a key=value pair")]
    [InlineData("customHeaders==x", "customHeaders", "\"=x\" is not a key=value pair")]
    [InlineData("authModes=digest", "authModes", "\"digest\" is not one of: basic, bearer, tls, custom")]
    [InlineData("thresholdFromEnv=PROM_THRESHOLD|-threshold", "thresholdFromEnv", "environment variable \"PROM_THRESHOLD\" is not set")]
    public void Bind_InvalidMetadata_ReportsOneExactError(string change, string key, string message)
    {
        var (_, errors) = Bind(change);

        errors.ShouldBe([new MetadataError(key, message)]);
    }

    [Fact]
    public void Bind_SeveralProblems_ReportsEveryErrorInOnePass()
    {
        var (_, errors) = Bind("-serverAddress|-query|threshold=abc|timeout=soon");

        errors.Select(e => e.Key).ShouldBe(["serverAddress", "query", "threshold", "timeout"]);
    }

    [Fact]
    public void Bind_ValuesFromEnvironment_AreRead()
    {
        var env = new Dictionary<string, string> { ["PROM_URL"] = "http://thanos:10902", ["PROM_T"] = "7" };

        var (metadata, errors) = Bind("-serverAddress|-threshold|serverAddressFromEnv=PROM_URL|thresholdFromEnv=PROM_T", env: env.GetValueOrDefault);

        errors.ShouldBeEmpty();
        metadata.ServerAddress.ShouldBe("http://thanos:10902");
        metadata.Threshold.ShouldBe(7);
    }

    [Fact]
    public void Bind_ValidationOnlyWithValuesFromEnvironment_DefersThemWithoutErrors()
    {
        var (_, errors) = Bind("-serverAddress|-threshold|serverAddressFromEnv=PROM_URL|thresholdFromEnv=PROM_T", validationOnly: true);

        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_UnknownKeys_AreWarningsNotErrors()
    {
        var validation = factory.Validate(Context(Metadata("awsRegion=eu-west-1|metricName=legacy")));

        validation.IsValid.ShouldBeTrue();
        validation.UnknownKeys.ShouldBe(["awsRegion", "metricName"]);
    }

    [Theory]
    [InlineData("authModes=basic", "username=u|password=p", "Basic")]
    [InlineData("authModes=basic", "username=u", "Basic")]
    [InlineData("authModes=bearer", "bearerToken=t", "Bearer")]
    [InlineData("authModes=tls", "cert=C|key=K|ca=A", "Tls")]
    [InlineData("authModes=custom", "customAuthHeader=X-Api-Key|customAuthValue=v", "Custom")]
    [InlineData("authModes= Basic , tls", "username=u|cert=C|key=K", "Basic, Tls")]
    [InlineData("authModes=bearer,custom", "bearerToken=t|customAuthHeader=H|customAuthValue=v", "Bearer, Custom")]
    [InlineData("", "authModes=bearer|bearerToken=t", "Bearer")]
    public void Bind_ValidAuthModes_AreAccepted(string metadata, string auth, string expected)
    {
        var (bound, errors) = Bind(metadata, auth);

        errors.ShouldBeEmpty();
        bound.Authentication.Modes.ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("authModes=basic,bearer", "username=u|bearerToken=t", "authModes", "basic and bearer cannot be used together")]
    [InlineData("authModes=basic", "password=p", "username", "is required when authModes includes basic (as a parameter of the trigger's authenticationRef)")]
    [InlineData("authModes=bearer", "", "bearerToken", "is required when authModes includes bearer (as a parameter of the trigger's authenticationRef)")]
    [InlineData("authModes=bearer", "bearerToken= ", "bearerToken", "is required when authModes includes bearer (as a parameter of the trigger's authenticationRef)")]
    [InlineData("authModes=tls", "cert=C", "key", "is required when authModes includes tls (as a parameter of the trigger's authenticationRef)")]
    [InlineData("authModes=custom", "customAuthHeader=H", "customAuthValue", "is required when authModes includes custom (as a parameter of the trigger's authenticationRef)")]
    public void Bind_InvalidAuth_ReportsExactError(string metadata, string auth, string key, string message)
    {
        var (_, errors) = Bind(metadata, auth);

        errors.Select(e => (e.Key, e.Message)).ShouldBe([(key, message)]);
    }

    /// <summary>The authModes this consumer allows, pinned: KEDA applies basic, bearer, tls and custom to Prometheus requests.</summary>
    [Theory]
    [InlineData("basic", "username=u", true)]
    [InlineData("bearer", "bearerToken=t", true)]
    [InlineData("tls", "cert=C|key=K", true)]
    [InlineData("custom", "customAuthHeader=H|customAuthValue=v", true)]
    [InlineData("apiKey", "apiKey=k", false)]
    [InlineData("oauth", "oauthTokenURI=https://idp/token|clientID=c", false)]
    public void Bind_EachAuthMode_IsAllowedOnlyWhereKedaSendsIt(string mode, string auth, bool allowed)
    {
        var (_, errors) = Bind("authModes=" + mode, auth);

        if (allowed)
        {
            errors.ShouldBeEmpty();
        }
        else
        {
            errors.Select(e => (e.Key, e.Message)).ShouldBe([("authModes", $"\"{mode}\" is not supported by prometheus; supported: basic, bearer, tls, custom")]);
        }
    }

    [Fact]
    public void Bind_TlsWithoutCertAndKey_ReportsBothAsAuthParams()
    {
        var (_, errors) = Bind("authModes=tls");

        errors.ShouldBe([
            new MetadataError("cert", "is required when authModes includes tls (as a parameter of the trigger's authenticationRef)", MetadataSource.AuthParams),
            new MetadataError("key", "is required when authModes includes tls (as a parameter of the trigger's authenticationRef)", MetadataSource.AuthParams),
        ]);
    }

    [Fact]
    public void Bind_ValidationOnlyWithDeclaredSecrets_AcceptsTheirEmptyValues()
    {
        var (_, errors) = Bind("authModes=bearer", "bearerToken=", validationOnly: true);

        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Bind_PodIdentityWithAuthModes_IsAnError()
    {
        var (_, errors) = Bind("authModes=bearer", "bearerToken=t", podIdentity: true);

        errors.ShouldBe([new MetadataError("authModes", "cannot be combined with podIdentity")]);
    }

    [Theory]
    [InlineData("serverAddress=http://prom:9090", false, false)]
    [InlineData("serverAddress=http://prom:9090", true, true)]
    [InlineData("serverAddress=https://monitoring.googleapis.com/v1/projects/p/location/global/prometheus", false, true)]
    [InlineData("serverAddress=https://Monitoring.GoogleApis.com/v1/projects/p/location/global/prometheus|authModes=bearer", false, false)]
    public void Bind_GoogleIdentity_UsedForPodIdentityOrGoogleEndpointWithoutAuthModes(string change, bool podIdentity, bool expected)
    {
        var (metadata, errors) = Bind(change, "bearerToken=t", podIdentity: podIdentity);

        errors.ShouldBeEmpty();
        metadata.UseGoogleIdentity.ShouldBe(expected);
    }

    [Fact]
    public void Metadata_ToString_HidesSecrets()
    {
        var (metadata, _) = Bind("authModes=bearer,custom", "bearerToken=s3cr3t-token|customAuthHeader=H|customAuthValue=s3cr3t-value");

        var text = metadata.ToString();

        text.ShouldContain("Bearer");
        text.ShouldNotContain("s3cr3t");
    }

    [Fact]
    public void Create_InvalidMetadata_ThrowsWithEveryError()
    {
        var exception = Should.Throw<ScalerConfigurationException>(() => factory.Create(Context(Metadata("-query|threshold=0"))));

        exception.Errors.Select(e => e.Key).ShouldBe(["query", "threshold"]);
        exception.Message.ShouldBe("prometheus: query: is required; threshold: must be > 0, found 0");
    }

    [Fact]
    public void Create_ValidMetadata_BuildsPrometheusScaler()
    {
        factory.Create(Context(Metadata(""))).ShouldBeOfType<PrometheusScaler>();
    }

    [Fact]
    public void BuiltInScalers_RegisterPrometheus()
    {
        Crema.Scalers.BuiltInScalers.CreateRegistry().TryGet("prometheus", out var registered).ShouldBeTrue();
        registered.ShouldBeOfType<PrometheusScalerFactory>();
    }
}
