using Crema.Abstractions;
using Crema.Scalers.RabbitMq;
using static Crema.Tests.Scalers.RabbitMq.RabbitMqTriggers;

namespace Crema.Tests.Scalers.RabbitMq;

public sealed class RabbitMqScalerFactoryTests
{
    private readonly RabbitMqScalerFactory factory = new();

    [Fact]
    public void Type_IsRabbitmqDocumentedUnderItsType()
    {
        factory.Type.ShouldBe("rabbitmq");
        factory.Aliases.ShouldBeEmpty();
        factory.DocumentationPage.ShouldBe("rabbitmq");
    }

    [Fact]
    public void Bind_Minimal_AppliesKedaDefaults()
    {
        var (metadata, errors) = factory.BindForTest(Context("host=amqp://rabbit/|queueName=jobs"));

        errors.ShouldBeEmpty();
        metadata.Protocol.ShouldBe(RabbitMqProtocol.Amqp);
        metadata.Mode.ShouldBe(RabbitMqMode.QueueLength);
        metadata.Value.ShouldBe(20);
        metadata.ActivationValue.ShouldBe(0);
        metadata.VhostName.ShouldBeNull();
        metadata.UseRegex.ShouldBeFalse();
        metadata.ExcludeUnacknowledged.ShouldBeFalse();
        metadata.PageSize.ShouldBe(100);
        metadata.Operation.ShouldBe(RabbitMqOperation.Sum);
        metadata.Timeout.ShouldBe(TimeSpan.FromSeconds(3));
        metadata.UnsafeSsl.ShouldBeFalse();
        metadata.Username.ShouldBeNull();
        metadata.Tls.ShouldBe(RabbitMqTlsSettings.Disabled);
        metadata.OAuth.ShouldBeNull();
    }

    [Fact]
    public void Bind_EveryField_ReadsEachValue()
    {
        var (metadata, errors) = factory.BindForTest(Context(
            "host=https://rabbit:15671/prod|protocol=http|queueName=^jobs-.*$|mode=MessageRate|value=12.5|activationValue=0.5"
            + "|vhostName=other|useRegex=true|excludeUnacknowledged=true|pageSize=250|operation=max|timeout=1500|unsafeSsl=true",
            "username=u|password=p|tls=enable|ca=CA|cert=C|key=K|keyPassword=KP"));

        errors.ShouldBeEmpty();
        metadata.ShouldBe(new RabbitMqMetadata("https://rabbit:15671/prod", RabbitMqProtocol.Http, "^jobs-.*$", RabbitMqMode.MessageRate, 12.5, 0.5,
            "other", true, true, 250, RabbitMqOperation.Max, TimeSpan.FromMilliseconds(1500), true, "u", "p",
            new RabbitMqTlsSettings(true, "CA", "C", "K", "KP"), null));
    }

    [Fact]
    public void Bind_HostProtocolAndVhostFromAuthParams_AreRead()
    {
        var (metadata, errors) = factory.BindForTest(Context("queueName=jobs", "host=http://rabbit:15672/|protocol=http|vhostName=v"));

        errors.ShouldBeEmpty();
        metadata.Protocol.ShouldBe(RabbitMqProtocol.Http);
        metadata.VhostName.ShouldBe("v");
    }

    [Fact]
    public void Bind_QueueLength_IsDeprecatedButStillTheTarget()
    {
        var validation = factory.Validate(Context("host=amqp://rabbit/|queueName=jobs|queueLength=7"));
        var (metadata, _) = factory.BindForTest(Context("host=amqp://rabbit/|queueName=jobs|queueLength=7"));

        validation.IsValid.ShouldBeTrue();
        validation.Warnings.ShouldBe([new MetadataError("queueLength", "is deprecated: use mode: QueueLength and value instead")]);
        metadata.Value.ShouldBe(7);
    }

    [Fact]
    public void Validate_MetricName_IsAnUnknownKeyAsInKeda()
    {
        var validation = factory.Validate(Context("host=amqp://rabbit/|queueName=jobs|metricName=legacy"));

        validation.IsValid.ShouldBeTrue();
        validation.UnknownKeys.ShouldBe(["metricName"]);
    }

    [Fact]
    public void Bind_ValidationOnlyWithHostFromSecret_DefersTheProtocolRules()
    {
        var (_, errors) = factory.BindForTest(Context("queueName=jobs|mode=MessageRate|value=5|useRegex=true", "host=|username=|password=", validationOnly: true));

        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Bind_ValidationOnlyWithExplicitAmqp_StillChecksHttpOnlyKeys()
    {
        var (_, errors) = factory.BindForTest(Context("queueName=jobs|protocol=amqp|useRegex=true", "host=", validationOnly: true));

        errors.ShouldBe([new MetadataError("useRegex", "needs the management API (protocol http, an http or https host); the protocol is amqp")]);
    }

    [Fact]
    public void Bind_SeveralProblems_ReportsEveryErrorInOnePass()
    {
        var (_, errors) = factory.BindForTest(Context("host=amqp://rabbit/|mode=Feelings|value=x|pageSize=0|operation=median|unsafeSsl=maybe"));

        errors.Select(e => e.Key).ShouldBe(["queueName", "mode", "value", "pageSize", "operation", "unsafeSsl"]);
    }

    [Fact]
    public void Bind_BadHost_NeverEchoesIt()
    {
        var (_, errors) = factory.BindForTest(Context("host=guest:hunter2@rabbit|queueName=jobs"));

        errors.ShouldHaveSingleItem().Message.ShouldNotContain("hunter2");
    }

    [Fact]
    public void Interpret_ValueAboveActivation_IsActiveAgainstTheTarget()
    {
        var reading = factory.Interpret(Context("host=http://rabbit/|queueName=jobs|mode=QueueLength|value=10|activationValue=3"), 4);

        reading.ShouldBe(new MetricReading(4, 10, true));
        factory.Interpret(Context("host=http://rabbit/|queueName=jobs|mode=QueueLength|value=10|activationValue=3"), 3).IsActive.ShouldBeFalse();
    }

    [Fact]
    public void Metadata_ToString_ShowsNoSecret()
    {
        var (metadata, _) = factory.BindForTest(Context("host=http://guest:hunter2@rabbit:15672/|queueName=jobs", "username=u|password=pw-secret|tls=enable|key=KEYPEM|keyPassword=kp|cert=C"));

        var text = metadata.ToString();

        foreach (var secret in new[] { "hunter2", "pw-secret", "KEYPEM", "kp" })
        {
            text.ShouldNotContain(secret);
        }
        text.ShouldContain("http://rabbit:15672");
    }
}
