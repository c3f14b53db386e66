using Crema.Scalers.Gcp.PubSub;

namespace Crema.Tests.Scalers.Gcp;

public sealed class PubSubMetadataTests
{
    private static readonly PubSubScalerFactory Factory = new();

    private static (PubSubMetadata Metadata, IReadOnlyList<Crema.Abstractions.MetadataError> Errors) Bind(
        Dictionary<string, string> metadata, Dictionary<string, string>? env = null, Dictionary<string, string>? auth = null, bool validationOnly = false) =>
        Factory.BindForTest(GcpTestContext.Create("gcp-pubsub", metadata, env, auth, validationOnly: validationOnly));

    [Fact]
    public void Bind_OnlySubscriptionName_AppliesKedaDefaults()
    {
        var (m, errors) = Bind(new() { ["subscriptionName"] = "orders-sub" });

        errors.ShouldBeEmpty();
        m.Kind.ShouldBe(PubSubResourceKind.Subscription);
        m.ResourceId.ShouldBe("orders-sub");
        m.ProjectId.ShouldBeNull();
        m.MetricType.ShouldBe("pubsub.googleapis.com/subscription/num_undelivered_messages");
        m.Value.ShouldBe(10);
        m.ActivationValue.ShouldBe(0);
        m.TimeHorizon.ShouldBe(TimeSpan.FromMinutes(2));
        m.Aggregation.ShouldBeNull();
        m.ValueIfNull.ShouldBeNull();
        m.Credentials.UsesDaemonIdentity.ShouldBeTrue();
    }

    [Theory]
    [InlineData("subscriptionName", "projects/my-proj/subscriptions/orders-sub", "my-proj", "orders-sub", true)]
    [InlineData("topicName", "projects/p-1/topics/orders", "p-1", "orders", false)]
    [InlineData("topicName", "orders", null, "orders", false)]
    public void Bind_ResourceName_GivesKindIdAndProject(string key, string name, string? project, string id, bool isSubscription)
    {
        var kind = isSubscription ? PubSubResourceKind.Subscription : PubSubResourceKind.Topic;
        var metadata = new Dictionary<string, string> { [key] = name };
        if (!isSubscription)
        {
            metadata["mode"] = "SendMessageOperationCount";
        }
        var (m, errors) = Bind(metadata);

        errors.ShouldBeEmpty();
        m.Kind.ShouldBe(kind);
        m.ResourceId.ShouldBe(id);
        m.ProjectId.ShouldBe(project);
    }

    [Theory]
    [InlineData("SubscriptionSize", "subscription/num_undelivered_messages")]
    [InlineData("OldestUnackedMessageAge", "subscription/oldest_unacked_message_age")]
    [InlineData("NumUndeliveredMessages", "subscription/num_undelivered_messages")]
    [InlineData("DeadLetterMessageCount", "subscription/dead_letter_message_count")]
    [InlineData("AckLatencies", "subscription/ack_latencies")]
    [InlineData("backlog_bytes", "subscription/backlog_bytes")]
    public void Bind_Mode_BecomesSnakeCaseMetric(string mode, string suffix)
    {
        var (m, errors) = Bind(new() { ["subscriptionName"] = "sub", ["mode"] = mode });

        errors.ShouldBeEmpty();
        m.MetricType.ShouldBe("pubsub.googleapis.com/" + suffix);
    }

    [Theory]
    [InlineData("mean", "REDUCE_MEAN")]
    [InlineData("median", "REDUCE_PERCENTILE_50")]
    [InlineData("percentile99", "REDUCE_PERCENTILE_99")]
    [InlineData("percentile5", "REDUCE_PERCENTILE_05")]
    [InlineData("stddev", "REDUCE_STDDEV")]
    [InlineData("variance", "REDUCE_STDDEV")]
    [InlineData("sum", "REDUCE_SUM")]
    [InlineData("count", "REDUCE_SUM")]
    public void Bind_Aggregation_MapsToDeltaAlignmentAndReducerWithFiveMinuteHorizon(string aggregation, string reducer)
    {
        var (m, errors) = Bind(new() { ["topicName"] = "orders", ["mode"] = "MessageSizes", ["aggregation"] = aggregation });

        errors.ShouldBeEmpty();
        m.Aggregation.ShouldNotBeNull();
        m.Aggregation.Parameters.CrossSeriesReducer.ShouldBe(reducer);
        m.Aggregation.Parameters.PerSeriesAligner.ShouldBe("ALIGN_DELTA");
        m.Aggregation.Parameters.AlignmentPeriod.ShouldBe(TimeSpan.FromMinutes(3));
        m.TimeHorizon.ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Bind_AllFields_AreRead()
    {
        var (m, errors) = Bind(new()
        {
            ["subscriptionNameFromEnv"] = "SUB",
            ["value"] = "5.5",
            ["activationValue"] = "10.5",
            ["timeHorizon"] = "4m",
            ["valueIfNull"] = "0.0",
            ["projectId"] = "env-proj",
        }, env: new() { ["SUB"] = "from-env" });

        errors.ShouldBeEmpty();
        m.ResourceId.ShouldBe("from-env");
        m.ProjectId.ShouldBe("env-proj");
        m.Value.ShouldBe(5.5);
        m.ActivationValue.ShouldBe(10.5);
        m.TimeHorizon.ShouldBe(TimeSpan.FromMinutes(4));
        m.ValueIfNull.ShouldBe(0);
    }

    [Fact]
    public void Bind_SubscriptionSize_IsAnErrorAsInKeda220()
    {
        var (m, errors) = Bind(new() { ["subscriptionName"] = "sub", ["subscriptionSize"] = "7" });

        // KEDA 2.20 declares it deprecated= (an error): "removed in v2.20 - Use 'mode' and 'value' instead".
        errors.ShouldBe([new Crema.Abstractions.MetadataError("subscriptionSize",
            "is no longer supported: KEDA 2.20 removed it; use mode: SubscriptionSize and value instead")]);
        m.Value.ShouldBe(10);
    }

    [Theory]
    [InlineData("subscriptionName=a-sub;topicName=a-topic", "topicName", "exactly one")]
    [InlineData("mode=SubscriptionSize", "subscriptionName", "exactly one")]
    [InlineData("subscriptionName=projects/p1/topics/t1", "subscriptionName", "names topics")]
    [InlineData("subscriptionName=projects/p1/subs/s1", "subscriptionName", "neither a short name")]
    [InlineData("subscriptionName=ab", "subscriptionName", "not a Pub/Sub name")]
    [InlineData("subscriptionName=goog-sub", "subscriptionName", "goog")]
    [InlineData("subscriptionName=sub;mode=Num-Messages", "mode", "CamelCase")]
    [InlineData("subscriptionName=sub;value=0", "value", "> 0")]
    [InlineData("subscriptionName=sub;value=ten", "value", "not a number")]
    [InlineData("subscriptionName=sub;aggregation=percentile42", "aggregation", "percentile99")]
    [InlineData("subscriptionName=sub;aggregation=avg", "aggregation", "not one of")]
    [InlineData("subscriptionName=sub;timeHorizon=30s", "timeHorizon", "at least")]
    [InlineData("subscriptionName=sub;timeHorizon=soon", "timeHorizon", "not a duration")]
    [InlineData("subscriptionName=sub;valueIfNull=none", "valueIfNull", "not a number")]
    [InlineData("subscriptionName=projects/p1/subscriptions/s1;projectId=p2", "projectId", "differs")]
    [InlineData("subscriptionName=", "subscriptionName", "exactly one")]
    public void Bind_InvalidMetadata_ReportsTheKey(string pairs, string key, string message)
    {
        var metadata = pairs.Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

        var (_, errors) = Bind(metadata);

        errors.ShouldContain(e => e.Key == key && e.Message.Contains(message));
    }

    [Fact]
    public void Bind_ValidationOnlyWithValuesFromEnvironment_HasNoErrors()
    {
        var (_, errors) = Bind(new() { ["subscriptionNameFromEnv"] = "SUB", ["credentialsFromEnv"] = "CREDS" }, validationOnly: true);

        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Bind_BlankEnvironmentValue_IsAnError()
    {
        var (_, errors) = Bind(new() { ["subscriptionNameFromEnv"] = "SUB" }, env: new() { ["SUB"] = " " });

        errors.ShouldContain(e => e.Key == "subscriptionName" && e.Message == "is empty");
    }

    [Fact]
    public void Bind_MissingEnvironmentVariable_IsAnError()
    {
        var (_, errors) = Bind(new() { ["subscriptionNameFromEnv"] = "NOPE" });

        errors.ShouldContain(e => e.Key == "subscriptionNameFromEnv" && e.Message.Contains("NOPE"));
    }

    [Fact]
    public void Validate_UnknownKey_IsReportedAsWarning()
    {
        var validation = Factory.Validate(GcpTestContext.Create("gcp-pubsub", new Dictionary<string, string>
        {
            ["subscriptionName"] = "sub",
            ["subscriptionSise"] = "5",
        }));

        validation.IsValid.ShouldBeTrue();
        validation.UnknownKeys.ShouldBe(["subscriptionSise"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("SubscriptionSize")]
    [InlineData("NumUndeliveredMessages")]
    public void Bind_TopicWithBacklogMode_ReportsModeBecauseTopicsHaveNoSuchMetric(string? mode)
    {
        var metadata = new Dictionary<string, string> { ["topicName"] = "orders" };
        if (mode is not null)
        {
            metadata["mode"] = mode;
        }

        var (_, errors) = Bind(metadata);

        errors.ShouldHaveSingleItem().Key.ShouldBe("mode");
        errors[0].Message.ShouldContain("SendMessageOperationCount");
    }

    [Fact]
    public void Validate_ModeFromEnv_IsNotReadAsInKeda()
    {
        // KEDA reads mode from trigger metadata only (order=triggerMetadata): modeFromEnv is an unknown key,
        // so a topic keeps the default SubscriptionSize, which topics do not have.
        var validation = Factory.Validate(GcpTestContext.Create("gcp-pubsub",
            new Dictionary<string, string> { ["topicName"] = "orders", ["modeFromEnv"] = "PUBSUB_MODE" },
            new Dictionary<string, string> { ["PUBSUB_MODE"] = "MessageSizes" }, validationOnly: true));

        validation.UnknownKeys.ShouldBeEmpty();
        validation.Warnings.ShouldHaveSingleItem().Key.ShouldBe("modeFromEnv");
        validation.Errors.ShouldHaveSingleItem().Key.ShouldBe("mode");
    }

    [Fact]
    public void Bind_SubscriptionSizeWithTopic_IsAnError()
    {
        var (_, errors) = Bind(new() { ["topicName"] = "orders", ["mode"] = "MessageSizes", ["subscriptionSize"] = "5" });

        errors.ShouldHaveSingleItem().Key.ShouldBe("subscriptionSize");
    }
}
