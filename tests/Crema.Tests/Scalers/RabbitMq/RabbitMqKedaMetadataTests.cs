using Crema.Scalers.RabbitMq;
using static Crema.Tests.Scalers.RabbitMq.RabbitMqTriggers;

namespace Crema.Tests.Scalers.RabbitMq;

/// <summary>
/// KEDA's rabbitmq_scaler_test.go parse tables (testRabbitMQMetadata, testRabbitMQAuthParamData,
/// testDefaultQueueLength), transcribed: null means valid, otherwise "key: message". Hosts KEDA writes as
/// "https://" get a host name (Crema requires a full URL); cases where Crema reports more are noted.
/// </summary>
public sealed class RabbitMqKedaMetadataTests
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["myHostSecret"] = "amqp://user:sercet@somehost.com:5236/vhost",
        ["myUsernameSecret"] = "user",
        ["myPasswordSecret"] = "Password",
    };

    private static readonly RabbitMqScalerFactory Factory = new();

    [Theory]
    [InlineData("", "queueName: is required; host: is required (for example amqp://rabbitmq:5672/vhost or http://rabbitmq:15672/vhost), in metadata or as a parameter of the trigger's authenticationRef")]
    [InlineData("queueLength=10|queueName=sample|hostFromEnv=myHostSecret", null)]
    [InlineData("queueLength=AA|queueName=sample|hostFromEnv=myHostSecret", "queueLength: \"AA\" is not a number")]
    [InlineData("queueLength=AA|queueName=sample", "queueLength: \"AA\" is not a number; host: is required (for example amqp://rabbitmq:5672/vhost or http://rabbitmq:15672/vhost), in metadata or as a parameter of the trigger's authenticationRef")]
    [InlineData("queueLength=10|hostFromEnv=myHostSecret", "queueName: is required")]
    [InlineData("queueLength=10|queueName=sample|hostFromEnv=myHostSecret|queueName=namespace/name", null)]
    [InlineData("vhostName=myVhost|queueName=namespace/name|hostFromEnv=myHostSecret", null)]
    [InlineData("vhostName=|queueName=namespace/name|hostFromEnv=myHostSecret", null)]
    [InlineData("queueName=sample|host=something://", "host: is not an absolute URL with a host name (for example amqp://rabbitmq:5672/vhost or http://rabbitmq:15672/vhost)")]
    [InlineData("queueName=sample|host=something://rabbit", "host: has the unknown URL scheme \"something\"; use amqp, amqps, http or https")]
    [InlineData("queueName=sample|host=http://rabbit", null)]
    [InlineData("queueName=sample|host=https://rabbit", null)]
    [InlineData("queueLength=10|mode=QueueLength|queueName=sample|host=https://rabbit", "queueLength: cannot be combined with mode or value: it is deprecated, use mode: QueueLength and value")]
    [InlineData("queueLength=10|value=20|queueName=sample|host=https://rabbit", "queueLength: cannot be combined with mode or value: it is deprecated, use mode: QueueLength and value")]
    [InlineData("queueLength=10|mode=QueueLength|value=20|queueName=sample|host=https://rabbit", "queueLength: cannot be combined with mode or value: it is deprecated, use mode: QueueLength and value")]
    [InlineData("mode=QueueLength|queueName=sample|host=https://rabbit", "value: is required when mode is given (a number other than 0)")]
    [InlineData("value=20|queueName=sample|host=https://rabbit", "mode: is required when value is given (one of: QueueLength, MessageRate, DeliverGetRate, PublishedToDeliveredRatio, ExpectedQueueConsumptionTime)")]
    [InlineData("mode=QueueLength|value=20|queueName=sample|host=https://rabbit", null)]
    [InlineData("mode=Feelings|value=20|queueName=sample|host=https://rabbit", "mode: \"Feelings\" is not one of: QueueLength, MessageRate, DeliverGetRate, PublishedToDeliveredRatio, ExpectedQueueConsumptionTime")]
    [InlineData("mode=QueueLength|value=lots|queueName=sample|host=https://rabbit", "value: \"lots\" is not a number")]
    [InlineData("mode=QueueLength|value=20|queueName=sample|host=amqps://rabbit", null)]
    [InlineData("mode=MessageRate|value=1000|queueName=sample|host=amqps://rabbit", "mode: MessageRate needs the management API (protocol http, an http or https host); the protocol is amqp")]
    [InlineData("mode=MessageRate|value=1000|queueName=sample|host=amqp://rabbit", "mode: MessageRate needs the management API (protocol http, an http or https host); the protocol is amqp")]
    [InlineData("mode=MessageRate|value=1000|queueName=sample|host=http://rabbit", null)]
    [InlineData("mode=MessageRate|value=1000|queueName=sample|host=https://rabbit", null)]
    [InlineData("mode=DeliverGetRate|value=1000|queueName=sample|host=amqps://rabbit", "mode: DeliverGetRate needs the management API (protocol http, an http or https host); the protocol is amqp")]
    [InlineData("mode=DeliverGetRate|value=1000|queueName=sample|host=amqp://rabbit", "mode: DeliverGetRate needs the management API (protocol http, an http or https host); the protocol is amqp")]
    [InlineData("mode=DeliverGetRate|value=1000|queueName=sample|host=http://rabbit", null)]
    [InlineData("mode=DeliverGetRate|value=1000|queueName=sample|host=https://rabbit", null)]
    [InlineData("queueName=sample|host=amqps://rabbit|useRegex=true", "useRegex: needs the management API (protocol http, an http or https host); the protocol is amqp")]
    [InlineData("queueName=sample|host=http://rabbit|useRegex=true", null)]
    [InlineData("mode=MessageRate|value=1000|queueName=sample|host=http://rabbit|useRegex=true", null)]
    [InlineData("mode=DeliverGetRate|value=1000|queueName=sample|host=http://rabbit|useRegex=true", null)]
    [InlineData("mode=QueueLength|value=1000|queueName=sample|host=http://rabbit|useRegex=true", null)]
    [InlineData("mode=QueueLength|value=1000|queueName=sample|host=http://rabbit|timeout=1000", null)]
    [InlineData("mode=QueueLength|value=1000|queueName=sample|host=http://rabbit|timeout=-10", "timeout: \"-10\" is not a duration (Go-style like 30s or 2m, or integer milliseconds)")]
    [InlineData("mode=QueueLength|value=1000|queueName=sample|host=http://rabbit|timeout=error", "timeout: \"error\" is not a duration (Go-style like 30s or 2m, or integer milliseconds)")]
    [InlineData("mode=QueueLength|value=1000|queueName=sample|host=amqp://rabbit|timeout=10", "timeout: applies only to protocol http; AMQP reads are bounded by Crema (10 s)")]
    [InlineData("mode=MessageRate|value=1000|queueName=sample|host=http://rabbit|useRegex=true|pageSize=100", null)]
    [InlineData("mode=MessageRate|value=1000|queueName=sample|host=http://rabbit|useRegex=true|pageSize=-1", "pageSize: must be >= 1, found -1")]
    [InlineData("mode=MessageRate|value=1000|queueName=sample|host=http://rabbit|useRegex=true|pageSize=a", "pageSize: \"a\" is not an integer")]
    [InlineData("mode=DeliverGetRate|value=1000|queueName=sample|host=http://rabbit|useRegex=true|pageSize=-1", "pageSize: must be >= 1, found -1")]
    [InlineData("activationValue=10|queueLength=20|queueName=sample|hostFromEnv=myHostSecret", null)]
    [InlineData("activationValue=AA|queueLength=10|queueName=sample|hostFromEnv=myHostSecret", "activationValue: \"AA\" is not a number")]
    [InlineData("mode=QueueLength|value=1000|queueName=sample|host=http://rabbit|useRegex=true|excludeUnacknowledged=true", null)]
    [InlineData("mode=QueueLength|value=1000|queueName=sample|host=amqp://rabbit|useRegex=true|excludeUnacknowledged=true",
        "useRegex: needs the management API (protocol http, an http or https host); the protocol is amqp; excludeUnacknowledged: needs the management API (protocol http, an http or https host); the protocol is amqp")]
    [InlineData("queueName=sample|host=https://rabbit|unsafeSsl=true", null)]
    [InlineData("queueName=sample|host=https://rabbit|unsafeSsl=random", "unsafeSsl: \"random\" is not a boolean (true or false)")]
    // KEDA accepts these and fails on the first read; Crema reports them when the config is loaded.
    [InlineData("queueLength=10|queueName=sample|host=myHostSecret|protocol=http", "host: is not an absolute URL with a host name (for example amqp://rabbitmq:5672/vhost or http://rabbitmq:15672/vhost)")]
    [InlineData("queueName=sample|hostFromEnv=myHostSecret|protocol=http", "protocol: is http but the host's scheme is amqp; use http or https for protocol http")]
    [InlineData("mode=QueueLength|value=-5|queueName=sample|host=http://rabbit", "value: must be > 0, found -5")]
    [InlineData("queueName=sample|host=http://rabbit|operation=median", "operation: \"median\" is not one of: sum, max, avg")]
    [InlineData("queueName=sample|host=http://rabbit|protocol=mqtt", "protocol: \"mqtt\" is not one of: auto, amqp, http")]
    public void Bind_KedaMetadataTable(string metadata, string? expected) => Check(metadata, "", expected);

    [Theory]
    [InlineData("queueName=sample|hostFromEnv=myHostSecret", "tls=enable|ca=caaa|cert=ceert|key=keey", null)]
    [InlineData("queueName=sample|hostFromEnv=myHostSecret", "tls=enable|cert=ceert|key=keey", null)]
    [InlineData("queueName=sample|hostFromEnv=myHostSecret", "tls=enable|cert=ceert|key=keey|keyPassword=keeyPassword", null)]
    [InlineData("queueName=sample|hostFromEnv=myHostSecret", "tls=enable|ca=caaa", null)]
    [InlineData("queueName=sample|hostFromEnv=myHostSecret", "tls=enable|ca=caaa|key=kee", "cert: is required when key is given (a client certificate needs both) (as a parameter of the trigger's authenticationRef)")]
    [InlineData("queueName=sample|hostFromEnv=myHostSecret", "tls=enable|ca=caaa|cert=ceert", "key: is required when cert is given (a client certificate needs both) (as a parameter of the trigger's authenticationRef)")]
    [InlineData("queueName=sample|hostFromEnv=myHostSecret", "tls=yes|ca=caaa|cert=ceert|key=kee", "tls: the value is not one of: enable, disable")]
    [InlineData("queueName=sample|hostFromEnv=myHostSecret", "username=user|password=PASSWORD", null)]
    [InlineData("queueName=sample|hostFromEnv=myHostSecret", "username=user", "password: is required when username is given (username and password go together)")]
    [InlineData("queueName=sample|hostFromEnv=myHostSecret", "password=PASSWORD", "username: is required when password is given (username and password go together)")]
    [InlineData("queueName=sample|hostFromEnv=myHostSecret", "vhostName=myVhost", null)]
    [InlineData("queueName=sample|hostFromEnv=myHostSecret", "vhostName=", null)]
    [InlineData("queueName=sample|hostFromEnv=myHostSecret|usernameFromEnv=myUsernameSecret|passwordFromEnv=myPasswordSecret", "", null)]
    [InlineData("queueName=sample|hostFromEnv=myHostSecret|usernameFromEnv=myUsernameSecret", "", "password: is required when username is given (username and password go together)")]
    [InlineData("queueName=sample|hostFromEnv=myHostSecret|passwordFromEnv=myPasswordSecret", "", "username: is required when password is given (username and password go together)")]
    // Azure AD Workload Identity: KEDA accepts it over http; Cloud Run has no Azure pod identity.
    [InlineData("queueName=sample|host=http://rabbit|protocol=http", "workloadIdentityResource=rabbitmq-resource-id",
        "workloadIdentityResource: is not supported: Azure AD Workload Identity is not available on Cloud Run; use OAuth2 (oauthTokenURI, clientID, clientSecret) or username and password (as a parameter of the trigger's authenticationRef)")]
    [InlineData("queueName=sample|host=http://localhost:15672|protocol=http", "oauthTokenURI=https://oauth.example.com/token|clientID=my-client|clientSecret=my-secret", null)]
    [InlineData("queueName=sample|host=https://localhost:15672|protocol=http", "oauthTokenURI=https://oauth.example.com/token|clientID=my-client|clientSecret=my-secret|scopes=rabbitmq.read,rabbitmq.write", null)]
    [InlineData("queueName=sample|host=http://localhost:15672|protocol=http", "oauthTokenURI=https://oauth.example.com/token|clientID=my-client|clientSecret=my-secret|endpointParams=audience=rabbitmq&resource=api", null)]
    [InlineData("queueName=sample|host=https://localhost:15672|protocol=http", "oauthTokenURI=https://oauth.example.com/token|clientID=my-client|clientSecret=my-secret|tls=enable|ca=caaa", null)]
    [InlineData("queueName=sample|host=amqp://localhost:5672|protocol=amqp", "oauthTokenURI=https://oauth.example.com/token|clientID=my-client|clientSecret=my-secret",
        "oauthTokenURI: OAuth2 is supported only with protocol http (as a parameter of the trigger's authenticationRef)")]
    [InlineData("queueName=sample|host=http://localhost:15672|protocol=http", "oauthTokenURI=https://oauth.example.com/token|clientID=my-client|clientSecret=my-secret|username=user|password=pass",
        "oauthTokenURI: OAuth2 cannot be combined with username and password (as a parameter of the trigger's authenticationRef)")]
    [InlineData("queueName=sample|host=http://localhost:15672|protocol=http", "clientID=my-client|clientSecret=my-secret",
        "oauthTokenURI: is required for OAuth2 (oauthTokenURI, clientID and clientSecret go together) (as a parameter of the trigger's authenticationRef)")]
    [InlineData("queueName=sample|host=http://localhost:15672|protocol=http", "oauthTokenURI=https://oauth.example.com/token|clientSecret=my-secret",
        "clientID: is required for OAuth2 (oauthTokenURI, clientID and clientSecret go together) (as a parameter of the trigger's authenticationRef)")]
    [InlineData("queueName=sample|host=http://localhost:15672|protocol=http", "oauthTokenURI=https://oauth.example.com/token|clientID=my-client",
        "clientSecret: is required for OAuth2 (oauthTokenURI, clientID and clientSecret go together) (as a parameter of the trigger's authenticationRef)")]
    public void Bind_KedaAuthParamTable(string metadata, string auth, string? expected) => Check(metadata, auth, expected);

    [Theory]
    [InlineData("queueName=sample|hostFromEnv=myHostSecret")]
    [InlineData("queueName=sample|hostFromEnv=myHostSecret|protocol=http|host=http://rabbit")]
    public void Bind_NothingAboutTheTarget_DefaultsToQueueLength20(string metadata)
    {
        var (bound, errors) = Factory.BindForTest(Context(metadata, environment: Environment));

        errors.ShouldBeEmpty();
        bound.Mode.ShouldBe(RabbitMqMode.QueueLength);
        bound.Value.ShouldBe(20);
    }

    [Fact]
    public void Bind_KedaTlsCase_KeepsTheParameters()
    {
        var (bound, errors) = Factory.BindForTest(Context("queueName=sample|hostFromEnv=myHostSecret", "tls=enable|ca=caaa|cert=ceert|key=keey|keyPassword=keeyPassword", environment: Environment));

        errors.ShouldBeEmpty();
        bound.Tls.ShouldBe(new RabbitMqTlsSettings(true, "caaa", "ceert", "keey", "keeyPassword"));
        bound.Tls.ToString().ShouldNotContain("keey");
        bound.ToString().ShouldNotContain("sercet");
    }

    private static void Check(string metadata, string auth, string? expected)
    {
        var (_, errors) = Factory.BindForTest(Context(metadata, auth, environment: Environment));

        var text = errors.Count == 0 ? null : string.Join("; ", errors.Select(e => $"{e.Key}: {e.Message}"));
        text.ShouldBe(expected);
    }
}
