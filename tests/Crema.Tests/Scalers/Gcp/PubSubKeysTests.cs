using Crema.Abstractions;
using Crema.Scalers.Gcp.PubSub;

namespace Crema.Tests.Scalers.Gcp;

/// <summary>gcp-pubsub's key declarations against KEDA 2.20's typed config: sources, aliases, removals.</summary>
public sealed class PubSubKeysTests
{
    private static readonly PubSubScalerFactory Factory = new();

    private static ScalerValidation Validate(Dictionary<string, string> metadata, Dictionary<string, string>? env = null, bool validationOnly = false) =>
        Factory.Validate(GcpTestContext.Create("gcp-pubsub", metadata, env, validationOnly: validationOnly));

    [Fact]
    public void Validate_EveryKedaKey_IsKnownAndRaisesNoWarning()
    {
        // KEDA 2.20 announces the whole scaler as deprecated (on value) because it queries MQL; Crema does not use MQL.
        var validation = Validate(new()
        {
            ["subscriptionName"] = "sub", ["mode"] = "AckLatencies", ["value"] = "5", ["activationValue"] = "1",
            ["aggregation"] = "mean", ["timeHorizon"] = "5m", ["valueIfNull"] = "0",
            ["credentialsFromEnv"] = "GOOGLE_JSON", ["credentialsFromEnvFile"] = "KEY_FILE",
        }, validationOnly: true);

        validation.Errors.ShouldBeEmpty();
        validation.UnknownKeys.ShouldBeEmpty();
        validation.Warnings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("mode")]
    [InlineData("value")]
    [InlineData("activationValue")]
    [InlineData("aggregation")]
    [InlineData("timeHorizon")]
    [InlineData("valueIfNull")]
    [InlineData("subscriptionSize")]
    public void Bind_MetadataOnlyKeyFromEnv_IsNotReadAsInKeda(string key)
    {
        var metadata = new Dictionary<string, string> { ["subscriptionName"] = "sub", [key + "FromEnv"] = "VAR" };
        var env = new Dictionary<string, string> { ["VAR"] = "7" };

        var validation = Validate(metadata, env);
        var (m, errors) = Factory.BindForTest(GcpTestContext.Create("gcp-pubsub", metadata, env));

        validation.UnknownKeys.ShouldBeEmpty();
        validation.Warnings.ShouldBe([new MetadataError(key + "FromEnv", $"is ignored: {key} is read only from metadata, not from the environment")]);
        errors.ShouldBeEmpty();
        m.Value.ShouldBe(10);
        m.ActivationValue.ShouldBe(0);
        m.ValueIfNull.ShouldBeNull();
        m.Aggregation.ShouldBeNull();
        m.TimeHorizon.ShouldBe(TimeSpan.FromMinutes(2));
        m.MetricType.ShouldEndWith("/num_undelivered_messages");
    }

    [Fact]
    public void Bind_TopicNameFromEnv_IsReadAsInKeda()
    {
        var (m, errors) = Factory.BindForTest(GcpTestContext.Create("gcp-pubsub",
            new Dictionary<string, string> { ["topicNameFromEnv"] = "TOPIC", ["mode"] = "MessageSizes" },
            new Dictionary<string, string> { ["TOPIC"] = "projects/p7/topics/orders" }));

        errors.ShouldBeEmpty();
        m.Kind.ShouldBe(PubSubResourceKind.Topic);
        m.ResourceId.ShouldBe("orders");
        m.ProjectId.ShouldBe("p7");
    }

    [Fact]
    public void Bind_SubscriptionSizeWithValue_IsStillAnError()
    {
        var (m, errors) = Factory.BindForTest(GcpTestContext.Create("gcp-pubsub",
            new Dictionary<string, string> { ["subscriptionName"] = "sub", ["subscriptionSize"] = "7", ["value"] = "3" }));

        errors.ShouldHaveSingleItem().Key.ShouldBe("subscriptionSize");
        errors[0].Message.ShouldContain("use mode: SubscriptionSize and value instead");
        m.Value.ShouldBe(3);
    }

    [Fact]
    public void Bind_ProjectIdSpelledLikeCloudTasks_IsAccepted()
    {
        var (m, errors) = Factory.BindForTest(GcpTestContext.Create("gcp-pubsub",
            new Dictionary<string, string> { ["subscriptionName"] = "sub", ["projectID"] = "p3" }));

        errors.ShouldBeEmpty();
        m.ProjectId.ShouldBe("p3");
    }

    [Fact]
    public void Bind_BothProjectSpellings_ProjectIdWins()
    {
        var (m, errors) = Factory.BindForTest(GcpTestContext.Create("gcp-pubsub",
            new Dictionary<string, string> { ["subscriptionName"] = "sub", ["projectID"] = "second", ["projectId"] = "first" }));

        errors.ShouldBeEmpty();
        m.ProjectId.ShouldBe("first");
    }

    [Fact]
    public void Bind_ProjectIDDifferingFromFullName_NamesTheSpellingWritten()
    {
        var (_, errors) = Factory.BindForTest(GcpTestContext.Create("gcp-pubsub",
            new Dictionary<string, string> { ["subscriptionName"] = "projects/p1/subscriptions/sub-1", ["projectID"] = "p2" }));

        errors.ShouldBe([new MetadataError("projectID", "\"p2\" differs from the project \"p1\" of the full resource name")]);
    }

    [Fact]
    public void Bind_ModeAsWritten_IsNamedInItsError()
    {
        var (_, errors) = Factory.BindForTest(GcpTestContext.Create("gcp-pubsub",
            new Dictionary<string, string> { ["subscriptionName"] = "sub", ["mode"] = "9lives" }));

        errors.ShouldBe([new MetadataError("mode", "\"9lives\" is not a Pub/Sub metric name in CamelCase (for example SubscriptionSize or OldestUnackedMessageAge)")]);
    }
}
