using Crema.Abstractions;
using Crema.Scalers;
using Crema.Scalers.Http;
using Crema.Scalers.MetricsApi;
using static Crema.Tests.Scalers.MetricsApi.MetricsApiTriggers;

namespace Crema.Tests.Scalers.MetricsApi;

public sealed class MetricsApiScalerFactoryTests
{
    private const string AuthRef = " (as a parameter of the trigger's authenticationRef)";

    private readonly MetricsApiScalerFactory factory = new();

    [Fact]
    public void Type_IsMetricsApi_AndRegistered()
    {
        factory.Type.ShouldBe("metrics-api");
        factory.Aliases.ShouldBeEmpty();
        BuiltInScalers.CreateRegistry().TryGet("metrics-api", out var registered).ShouldBeTrue();
        registered.ShouldBeOfType<MetricsApiScalerFactory>();
    }

    [Fact]
    public void Bind_MinimalMetadata_AppliesKedaDefaults()
    {
        var (metadata, errors) = Bind("");

        errors.ShouldBeEmpty();
        metadata.Url.ShouldBe(new Uri("http://api.example:3232/api/v1/stats"));
        metadata.Format.ShouldBe(MetricsApiFormat.Json);
        metadata.ValueLocation.ShouldBe("components.worker.tasks");
        metadata.Extractor.ShouldBeOfType<JsonValueExtractor>();
        metadata.TargetValue.ShouldBe(8.8);
        metadata.ActivationTargetValue.ShouldBe(0);
        metadata.UnsafeSsl.ShouldBeFalse();
        metadata.Timeout.ShouldBe(TimeSpan.FromSeconds(3));
        metadata.Authentication.Modes.ShouldBe(HttpAuthModes.None);
    }

    [Fact]
    public void Bind_EveryField_ReadsEachValue()
    {
        var (metadata, errors) = Bind(
            "url=https://api.example/stats?team=a|format=YAML|valueLocation=queues.0.depth|targetValue=2.5|activationTargetValue=-1.5"
            + "|unsafeSsl=TRUE|timeout=1500|aggregateFromKubeServiceEndpoints=false|aggregationType=max");

        errors.ShouldBeEmpty();
        metadata.Url.AbsoluteUri.ShouldBe("https://api.example/stats?team=a");
        metadata.Format.ShouldBe(MetricsApiFormat.Yaml);
        metadata.Extractor.ShouldBeOfType<YamlValueExtractor>();
        metadata.ValueLocation.ShouldBe("queues.0.depth");
        metadata.TargetValue.ShouldBe(2.5);
        metadata.ActivationTargetValue.ShouldBe(-1.5);
        metadata.UnsafeSsl.ShouldBeTrue();
        metadata.Timeout.ShouldBe(TimeSpan.FromMilliseconds(1500));
    }

    [Theory]
    [InlineData("json", typeof(JsonValueExtractor))]
    [InlineData("xml", typeof(XmlValueExtractor))]
    [InlineData("yaml", typeof(YamlValueExtractor))]
    [InlineData("prometheus", typeof(PrometheusValueExtractor))]
    public void Bind_Format_PicksItsExtractor(string format, Type extractor)
    {
        var (metadata, errors) = Bind($"format={format}|valueLocation=queue_depth");

        errors.ShouldBeEmpty();
        metadata.Extractor.ShouldBeOfType(extractor);
    }

    [Theory]
    [InlineData("timeout=2s", 2000)]
    [InlineData("timeout=250ms", 250)]
    [InlineData("timeout=1000", 1000)]
    [InlineData("timeout=0", 3000)]
    [InlineData("timeout=", 3000)]
    public void Bind_Timeout_AcceptsMillisecondsAndGoDurations(string change, int expectedMilliseconds)
    {
        var (metadata, errors) = Bind(change);

        errors.ShouldBeEmpty();
        metadata.Timeout.ShouldBe(TimeSpan.FromMilliseconds(expectedMilliseconds));
    }

    [Theory]
    [InlineData("-url", "url", "is required")]
    [InlineData("url= ", "url", "is required")]
    [InlineData("url=api:3232/stats", "url", "\"api:3232/stats\" is not an absolute http or https URL")]
    [InlineData("url=/api/v1/stats", "url", "\"/api/v1/stats\" is not an absolute http or https URL")]
    [InlineData("url=ftp://api/stats", "url", "\"ftp://api/stats\" is not an absolute http or https URL")]
    [InlineData("url=http://bob:hunter2@api/stats", "url", "must not carry credentials (user:password@host); use authModes basic with username and password from a triggerAuthentication")]
    [InlineData("url=bob:hunter2@api", "url", "the value is not an absolute http or https URL")]
    [InlineData("format=csv", "format", "\"csv\" is not one of: json, xml, yaml, prometheus")]
    [InlineData("-valueLocation", "valueLocation", "is required")]
    [InlineData("-targetValue", "targetValue", "is required")]
    [InlineData("targetValue=aa", "targetValue", "\"aa\" is not a number")]
    [InlineData("targetValue=0", "targetValue", "must be > 0, found 0")]
    [InlineData("targetValue=-2", "targetValue", "must be > 0, found -2")]
    [InlineData("activationTargetValue=aa", "activationTargetValue", "\"aa\" is not a number")]
    [InlineData("unsafeSsl=yes", "unsafeSsl", "\"yes\" is not a boolean (true or false)")]
    [InlineData("timeout=a", "timeout", "\"a\" is not a duration (Go-style like 30s or 2m, or integer milliseconds)")]
    [InlineData("timeout=-1", "timeout", "\"-1\" is not a duration (Go-style like 30s or 2m, or integer milliseconds)")]
    [InlineData("timeout=-1s", "timeout", "must be at least 0ms, found -1s")]
    [InlineData("aggregationType=median", "aggregationType", "\"median\" is not one of: average, sum, max, min")]
    [InlineData("aggregateFromKubeServiceEndpoints=maybe", "aggregateFromKubeServiceEndpoints", "\"maybe\" is not a boolean (true or false)")]
    [InlineData("aggregateFromKubeServiceEndpoints=true", "aggregateFromKubeServiceEndpoints",
        "\"true\" is not supported: Crema reads no Kubernetes Service endpoints (Cloud Run has none); point url at one endpoint that reports the whole value, or read an aggregator such as Prometheus with the prometheus trigger")]
    [InlineData("authModes=digest", "authModes", "\"digest\" is not one of: basic, bearer, tls, apiKey")]
    public void Bind_InvalidMetadata_ReportsOneExactError(string change, string key, string message)
    {
        var (_, errors) = Bind(change);

        errors.ShouldBe([new MetadataError(key, message)]);
    }

    [Theory]
    [InlineData("json", "a.@pretty", "the GJSON modifier @pretty is not supported (only @this is)")]
    [InlineData("json", "a.#(b==1", "the query at character 3 is not closed")]
    [InlineData("json", "a.", "ends with a separator")]
    [InlineData("json", "a..b", "has an empty component at character 3")]
    [InlineData("json", "{a,b}", "GJSON multipaths ([a,b] or {a,b}) are not supported")]
    [InlineData("json", "..a", "JSON Lines paths (starting with ..) are not supported")]
    [InlineData("json", "a.#(b==1)c", "unexpected \"c\" after a query at character 10; separate components with . or |")]
    [InlineData("yaml", "a..b", "\"a..b\" has an empty segment; yaml paths are keys and indexes separated by single dots (foo.0.bar)")]
    [InlineData("xml", "a.b.", "\"a.b.\" has an empty segment; xml paths are keys and indexes separated by single dots (foo.0.bar)")]
    [InlineData("prometheus", "queue_depth{queue!=\"a\"}",
        "\"queue_depth{queue!=\"a\"}\" is not a metric selector: it uses != on queue; only = matchers are supported (KEDA's metrics-api compares every matcher as =)")]
    [InlineData("prometheus", "{queue=\"a\"}", "\"{queue=\"a\"}\" is not a metric selector: it names no metric; write metric_name or metric_name{label=\"value\"}")]
    [InlineData("prometheus", "queue_depth{queue=\"a\"", "\"queue_depth{queue=\"a\"\" is not a metric selector: it expects , or } between label matchers")]
    public void Bind_ValueLocationThatTheFormatCannotRead_IsAnError(string format, string location, string message)
    {
        var (_, errors) = Bind($"format={format}|valueLocation={location}");

        errors.ShouldBe([new MetadataError("valueLocation", message)]);
    }

    [Fact]
    public void Bind_UnknownFormat_DoesNotAlsoJudgeValueLocation()
    {
        var (_, errors) = Bind("format=csv|valueLocation=a..b");

        errors.Select(e => e.Key).ShouldBe(["format"]);
    }

    [Fact]
    public void Bind_SeveralProblems_ReportsEveryErrorInOnePass()
    {
        var (_, errors) = Bind("-url|-valueLocation|targetValue=abc|timeout=soon|authModes=digest");

        errors.Select(e => e.Key).ShouldBe(["url", "valueLocation", "targetValue", "timeout", "authModes"]);
    }

    /// <summary>KEDA's own table (metrics_api_scaler_test.go testMetricsAPIMetadata): which metadata parses.</summary>
    [Theory]
    [InlineData("", true)]
    [InlineData("url=http://dummy:1230/api/v1/|valueLocation=metric.test|targetValue=42", false)]
    [InlineData("url=http://dummy:1230/api/v1/|valueLocation=metric|targetValue=aa", true)]
    [InlineData("url=http://dummy:1230/api/v1/|valueLocation=metric|targetValue=1|activationTargetValue=aa", true)]
    [InlineData("url=http://dummy:1230/api/v1/|targetValue=aa", true)]
    [InlineData("valueLocation=metric|targetValue=aa", true)]
    [InlineData("url=http://dummy:1230/api/v1/|valueLocation=metric", true)]
    [InlineData("url=http://dummy:1230/api/v1/|valueLocation=metric|targetValue=42|timeout=1000", false)]
    [InlineData("url=http://dummy:1230/api/v1/|valueLocation=metric|targetValue=42|timeout=-1", true)]
    [InlineData("url=http://dummy:1230/api/v1/|valueLocation=metric|targetValue=42|timeout=a", true)]
    public void Bind_KedaMetadataTable_SameOutcomeAsKeda(string metadata, bool raisesError)
    {
        var (_, errors) = Bind(metadata, baseline: "");

        (errors.Count > 0).ShouldBe(raisesError, string.Join("; ", errors));
    }

    /// <summary>KEDA's own table (testMetricsAPIAuthMetadata): which authentication parses.</summary>
    [Theory]
    [InlineData("authMode=tls", "ca=caaa|cert=ceert|key=keey", false)]
    [InlineData("authMode=tls", "cert=ceert|key=keey", false)]
    [InlineData("authMode=tls", "ca=caaa|cert=ceert", true)]
    [InlineData("authMode=tls", "ca=caaa|key=keey", true)]
    [InlineData("authMode=apiKey", "apiKey=apiikey", false)]
    [InlineData("authMode=apiKey", "apiKey=apiikey|method=query", false)]
    [InlineData("authMode=apiKey", "apiKey=apiikey|method=header|keyParamName=custom", false)]
    [InlineData("authMode=apiKey", "apiKey=apiikey|method=query|keyParamName=custom", false)]
    [InlineData("authMode=apiKey", "", true)]
    [InlineData("authMode=basic", "username=user|password=pass", false)]
    [InlineData("authMode=basic", "", true)]
    [InlineData("authMode=bearer", "token=bearerTokenValue", false)]
    [InlineData("authMode=bearer", "", true)]
    [InlineData("unsafeSsl=true", "", false)]
    [InlineData("unsafeSsl=false", "", false)]
    [InlineData("unsafeSsl=yes", "", true)]
    [InlineData("authMode=apiKey,tls", "apiKey=apiikey|ca=caaa|cert=ceert|key=keey", false)]
    public void Bind_KedaAuthTable_SameOutcomeAsKeda(string metadata, string auth, bool isError)
    {
        var (_, errors) = Bind("url=http://dummy:1230/api/v1/|valueLocation=metric|targetValue=42|" + metadata, auth, baseline: "");

        (errors.Count > 0).ShouldBe(isError, string.Join("; ", errors));
    }

    /// <summary>The authModes this consumer allows, pinned: KEDA's metrics-api sends apiKey, basic, bearer and tls, and parses custom and oauth without sending them.</summary>
    [Theory]
    [InlineData("basic", "username=u", true)]
    [InlineData("bearer", "bearerToken=t", true)]
    [InlineData("tls", "cert=C|key=K", true)]
    [InlineData("apiKey", "apiKey=k", true)]
    [InlineData("custom", "customAuthHeader=H|customAuthValue=v", false)]
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
            errors.Select(e => (e.Key, e.Message)).ShouldBe([("authModes", $"\"{mode}\" is not supported by metrics-api; supported: basic, bearer, tls, apiKey")]);
        }
    }

    [Theory]
    [InlineData("authMode=apiKey|method=query|keyParamName=QUERY_KEY", "apiKey=k", true, "QUERY_KEY")]
    [InlineData("authMode=apiKey", "apiKey=k|method=query", true, "api_key")]
    [InlineData("authMode=apiKey", "apiKey=k", false, "X-API-KEY")]
    [InlineData("authMode=apiKey|keyParamName=X-Token", "apiKey=k", false, "X-Token")]
    [InlineData("authMode=apiKey|apiKey=in-metadata", "", false, "X-API-KEY")]
    [InlineData("", "authModes=apiKey|apiKey=k|method=query", true, "api_key")]
    public void Bind_ApiKey_ReadsMethodAndKeyParamNameFromMetadataOrAuthParams(string metadata, string auth, bool inQuery, string name)
    {
        var (bound, errors) = Bind(metadata, auth);

        errors.ShouldBeEmpty();
        bound.Authentication.Modes.ShouldBe(HttpAuthModes.ApiKey);
        bound.Authentication.ApiKeyInQuery.ShouldBe(inQuery);
        bound.Authentication.ApiKeyName.ShouldBe(name);
    }

    [Theory]
    [InlineData("authModes=basic,bearer", "username=u|bearerToken=t", "authModes", "basic and bearer cannot be used together", MetadataSource.Metadata)]
    [InlineData("authModes=basic", "password=p", "username", "is required when authModes includes basic" + AuthRef, MetadataSource.AuthParams)]
    [InlineData("authModes=bearer", "", "bearerToken", "is required when authModes includes bearer" + AuthRef, MetadataSource.AuthParams)]
    [InlineData("authModes=tls", "cert=C", "key", "is required when authModes includes tls" + AuthRef, MetadataSource.AuthParams)]
    [InlineData("authModes=apiKey", "", "apiKey", "is required when authModes includes apiKey, in metadata or as a parameter of the trigger's authenticationRef", MetadataSource.Metadata)]
    [InlineData("authModes=apiKey|method=body", "apiKey=k", "method", "\"body\" is not one of: header, query", MetadataSource.Metadata)]
    public void Bind_InvalidAuth_ReportsExactError(string metadata, string auth, string key, string message, MetadataSource source)
    {
        var (_, errors) = Bind(metadata, auth);

        errors.ShouldBe([new MetadataError(key, message, source)]);
    }

    [Fact]
    public void Bind_CaWithoutTls_TrustsItForTheServer()
    {
        var (metadata, errors) = Bind("authModes=bearer", "bearerToken=t|ca=CA-PEM");

        errors.ShouldBeEmpty();
        metadata.Authentication.ClientSettings(unsafeSsl: false).ShouldBe(new HttpClientSettings(false, "CA-PEM"));
    }

    [Fact]
    public void Bind_PodIdentity_IsOnePreciseError()
    {
        var (_, errors) = Bind("", podIdentity: true);

        errors.ShouldBe([new MetadataError("authModes",
            "podIdentity is not supported by metrics-api (KEDA's metrics-api sends no pod identity either); remove podIdentity from the triggerAuthentication and give authModes apiKey, basic, bearer or tls with their parameters")]);
    }

    [Fact]
    public void Bind_ValidationOnlyWithDeclaredSecrets_AcceptsTheirEmptyValues()
    {
        var (_, errors) = Bind("authModes=basic,tls", "username=|password=|cert=|key=|ca=", validationOnly: true);

        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Bind_KeyFromEnvironment_IsNotReadBecauseKedaReadsMetadataOnly()
    {
        var validation = factory.Validate(Context("-url|urlFromEnv=API_URL|-targetValue|targetValueFromEnv=T"));

        validation.Errors.ShouldBe([new MetadataError("url", "is required"), new MetadataError("targetValue", "is required")]);
        validation.Warnings.Select(w => w.Key).ShouldBe(["urlFromEnv", "targetValueFromEnv"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_ApiKeyMethodWithoutApiKeyMode_IsAnUnknownKeyWarning()
    {
        var validation = factory.Validate(Context("method=query|keyParamName=k"));

        validation.IsValid.ShouldBeTrue();
        validation.UnknownKeys.ShouldBe(["keyParamName", "method"]);
    }

    [Fact]
    public void Metadata_ToString_HidesSecrets()
    {
        var (metadata, _) = Bind("authModes=basic,apiKey", "username=u|password=s3cr3t-pass|apiKey=s3cr3t-key");

        var text = metadata.ToString();

        text.ShouldContain("Basic");
        text.ShouldNotContain("s3cr3t");
    }

    [Fact]
    public void Create_InvalidMetadata_ThrowsWithEveryError()
    {
        var exception = Should.Throw<ScalerConfigurationException>(() => factory.Create(Context("-valueLocation|targetValue=0")));

        exception.Message.ShouldBe("metrics-api: valueLocation: is required; targetValue: must be > 0, found 0");
    }

    [Fact]
    public void Create_ValidMetadata_BuildsTheScaler()
    {
        factory.Create(Context("")).ShouldBeOfType<MetricsApiScaler>();
    }

    [Theory]
    [InlineData(12, true)]
    [InlineData(3.8, false)]
    [InlineData(3.9, true)]
    public void Interpret_UsesTargetValueAndActivationTargetValue(double value, bool active)
    {
        var reading = factory.Interpret(Context("targetValue=8.8|activationTargetValue=3.8"), value);

        reading.ShouldBe(new MetricReading(value, 8.8, active));
    }
}
