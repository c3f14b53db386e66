using Crema.Abstractions;
using static Crema.Tests.Scalers.NatsJetStream.NatsJetStreamTriggers;

namespace Crema.Tests.Scalers.NatsJetStream;

public class NatsJetStreamMetadataTests
{
    [Fact]
    public void Type_IsNatsJetStream()
    {
        Factory.Type.ShouldBe("nats-jetstream");
        Factory.Aliases.ShouldBeEmpty();
    }

    [Fact]
    public void Bind_MinimalMetadata_AppliesKedaDefaults()
    {
        var (metadata, errors) = Bind("");

        errors.ShouldBeEmpty();
        metadata.Endpoint.ShouldBe("localhost:8222");
        metadata.Account.ShouldBe("$G");
        metadata.AccountId.ShouldBe("$G");
        metadata.Stream.ShouldBe("mystream");
        metadata.Consumer.ShouldBe("pull_consumer");
        metadata.LagThreshold.ShouldBe(10);
        metadata.ActivationLagThreshold.ShouldBe(0);
        metadata.UseHttps.ShouldBeFalse();
    }

    [Fact]
    public void Bind_EveryField_ReadsEachValue()
    {
        var (metadata, errors) = Bind("natsServerMonitoringEndpoint= nats.nats:8222 |account=orders|accountID=ACC123|lagThreshold=25|activationLagThreshold=3|useHttps=TRUE");

        errors.ShouldBeEmpty();
        metadata.Endpoint.ShouldBe("nats.nats:8222");
        metadata.Account.ShouldBe("orders");
        metadata.AccountId.ShouldBe("ACC123");
        metadata.LagThreshold.ShouldBe(25);
        metadata.ActivationLagThreshold.ShouldBe(3);
        metadata.UseHttps.ShouldBeTrue();
    }

    [Fact]
    public void Bind_OnlyAccountId_SendsTheIdAndMatchesNoName()
    {
        var (metadata, errors) = Bind("-account|accountID=ACC123");

        errors.ShouldBeEmpty();
        metadata.Account.ShouldBe("");
        metadata.AccountId.ShouldBe("ACC123");
        metadata.IsAccount("ACC123", "other").ShouldBeTrue();
        metadata.IsAccount("other", "ACC123").ShouldBeFalse();
    }

    [Fact]
    public void Bind_EndpointAndAccountInBothPlaces_AuthParametersWinAsInKeda()
    {
        var (metadata, errors) = Bind("account=from-metadata", auth: "natsServerMonitoringEndpoint=nats.auth:8222|account=from-auth");

        errors.ShouldBeEmpty();
        metadata.Endpoint.ShouldBe("nats.auth:8222");
        metadata.Account.ShouldBe("from-auth");
    }

    // KEDA's testNATSJetStreamMetadata (nats_jetstream_scaler_test.go), every case, with its expected outcome.
    [Theory]
    [InlineData("natsServerMonitoringEndpoint=localhost:8222|account=$G|accountID=$G|stream=mystream|consumer=pull_consumer|useHttps=false", "", false)]
    [InlineData("natsServerMonitoringEndpoint=nats.nats:8222|account=$G|stream=mystream|consumer=pull_consumer|useHttps=true", "", false)]
    [InlineData("natsServerMonitoringEndpoint=localhost:8222|accountID=$G|stream=mystream|consumer=pull_consumer|useHttps=false", "", false)]
    [InlineData("", "", true)]
    [InlineData("natsServerMonitoringEndpoint=nats.nats:8222|stream=mystream|consumer=pull_consumer", "", true)]
    [InlineData("natsServerMonitoringEndpoint=nats.nats:8222|account=$G|consumer=pull_consumer", "", true)]
    [InlineData("natsServerMonitoringEndpoint=nats.nats:8222|account=$G|stream=mystream", "", true)]
    [InlineData("account=$G|stream=mystream", "", true)]
    [InlineData("natsServerMonitoringEndpoint=nats.nats:8222|account=$G|stream=mystream|consumer=pull_consumer|activationLagThreshold=10", "", false)]
    [InlineData("natsServerMonitoringEndpoint=nats.nats:8222|account=$G|stream=mystream|consumer=pull_consumer|activationLagThreshold=Y", "", true)]
    [InlineData("account=$G|stream=mystream|consumer=pull_consumer", "natsServerMonitoringEndpoint=nats.nats:8222", false)]
    [InlineData("account=$G|stream=mystream|consumer=pull_consumer", "natsServerMonitoringEndpoint=", true)]
    [InlineData("natsServerMonitoringEndpoint=nats.nats:8222|account=$G|stream=mystream|consumer=pull_consumer|useHttps=error", "", true)]
    [InlineData("account=$G|stream=mystream|consumer=pull_consumer|lagThreshold=6", "natsServerMonitoringEndpoint=nats.nats:8222", false)]
    [InlineData("account=$G|stream=mystream|consumer=pull_consumer|lagThreshold=Y", "natsServerMonitoringEndpoint=nats.nats:8222", true)]
    [InlineData("stream=mystream|consumer=pull_consumer", "account=$G|natsServerMonitoringEndpoint=nats.nats:8222", false)]
    [InlineData("stream=mystream|consumer=pull_consumer", "natsServerMonitoringEndpoint=nats.nats:8222", true)]
    public void Bind_KedaParseCases_AcceptOrRejectAsKeda(string metadata, string auth, bool isError)
    {
        var (_, errors) = Bind(metadata, auth, baseline: "");

        (errors.Count > 0).ShouldBe(isError, string.Join("; ", errors));
    }

    [Theory]
    [InlineData("-natsServerMonitoringEndpoint", "natsServerMonitoringEndpoint", "is required, in metadata or as a parameter of the trigger's authenticationRef")]
    [InlineData("natsServerMonitoringEndpoint=http://nats:8222", "natsServerMonitoringEndpoint", "\"http://nats:8222\" must be host:port without a scheme (useHttps: true selects https)")]
    [InlineData("natsServerMonitoringEndpoint=nats:8222/jsz", "natsServerMonitoringEndpoint", "\"nats:8222/jsz\" is not a host or host:port")]
    [InlineData("natsServerMonitoringEndpoint=nats:port", "natsServerMonitoringEndpoint", "\"nats:port\" is not a host or host:port")]
    [InlineData("-account", "account", "is required: give the account's name (account) or its ID (accountID); \"$G\" is the account of a server without accounts")]
    [InlineData("-stream", "stream", "is required")]
    [InlineData("consumer= ", "consumer", "is required")]
    [InlineData("lagThreshold=1.5", "lagThreshold", "\"1.5\" is not an integer")]
    [InlineData("activationLagThreshold=Y", "activationLagThreshold", "\"Y\" is not an integer")]
    [InlineData("useHttps=error", "useHttps", "\"error\" is not a boolean (true or false)")]
    public void Bind_InvalidMetadata_ReportsOneExactError(string change, string key, string message)
    {
        var (_, errors) = Bind(change);

        errors.Select(e => (e.Key, e.Message)).ShouldBe([(key, message)]);
    }

    [Fact]
    public void Bind_SeveralProblems_ReportsEveryErrorInOnePass()
    {
        var (_, errors) = Bind("-natsServerMonitoringEndpoint|-account|-stream|lagThreshold=x");

        errors.Select(e => e.Key).ShouldBe(["natsServerMonitoringEndpoint", "account", "stream", "lagThreshold"]);
    }

    [Fact]
    public void Validate_EndpointFromEnv_IsIgnoredWithAWarningAsKedaReadsNoEnvironment()
    {
        var validation = Factory.Validate(Context("-natsServerMonitoringEndpoint|natsServerMonitoringEndpointFromEnv=NATS_MONITOR"));

        validation.Errors.Select(e => (e.Key, e.Message)).ShouldBe([("natsServerMonitoringEndpoint", "is required, in metadata or as a parameter of the trigger's authenticationRef")]);
        validation.Warnings.ShouldContain(w => w.Key.StartsWith("natsServerMonitoringEndpoint", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(1, 0, true)]
    [InlineData(10, 10, false)]
    [InlineData(11, 10, true)]
    public void ToReading_Lag_IsActiveAboveActivationLagThresholdAgainstLagThreshold(double lag, long activation, bool active)
    {
        var (metadata, _) = Bind($"lagThreshold=7|activationLagThreshold={activation}");

        metadata.ToReading(lag).ShouldBe(new MetricReading(lag, 7, active));
    }
}
