using Crema.Scalers.Gcp.CloudTasks;

namespace Crema.Tests.Scalers.Gcp;

public sealed class CloudTasksMetadataTests
{
    private static readonly CloudTasksScalerFactory Factory = new();

    private static (CloudTasksMetadata Metadata, IReadOnlyList<Crema.Abstractions.MetadataError> Errors) Bind(Dictionary<string, string> metadata) =>
        Factory.BindForTest(GcpTestContext.Create("gcp-cloudtasks", metadata));

    [Fact]
    public void Bind_ProjectAndQueue_AppliesKedaDefaults()
    {
        var (m, errors) = Bind(new() { ["projectID"] = "my-proj", ["queueName"] = "emails" });

        errors.ShouldBeEmpty();
        m.ProjectId.ShouldBe("my-proj");
        m.QueueId.ShouldBe("emails");
        m.Location.ShouldBeNull();
        m.Value.ShouldBe(100);
        m.ActivationValue.ShouldBe(0);
        m.ValueIfNull.ShouldBeNull();
        m.FilterDuration.ShouldBe(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public void Bind_FullQueueName_GivesProjectAndLocation()
    {
        var (m, errors) = Bind(new()
        {
            ["queueName"] = "projects/p9/locations/europe-west1/queues/emails",
            ["value"] = "20", ["activationValue"] = "2", ["valueIfNull"] = "0",
        });

        errors.ShouldBeEmpty();
        m.ProjectId.ShouldBe("p9");
        m.Location.ShouldBe("europe-west1");
        m.QueueId.ShouldBe("emails");
        m.Value.ShouldBe(20);
        m.ActivationValue.ShouldBe(2);
        m.ValueIfNull.ShouldBe(0);
    }

    [Fact]
    public void Bind_ProjectIdSpelledLikeStackdriver_IsAccepted()
    {
        var (m, errors) = Bind(new() { ["projectId"] = "p2", ["queueName"] = "q" });

        errors.ShouldBeEmpty();
        m.ProjectId.ShouldBe("p2");
    }

    [Theory]
    [InlineData("queueName=q", "projectID", "is required")]
    [InlineData("projectID=p", "queueName", "is required")]
    [InlineData("projectID=p;queueName=locations/x/queues/q", "queueName", "neither a queue id")]
    [InlineData("projectID=p;queueName=projects/other/locations/l/queues/q", "projectID", "differs")]
    [InlineData("projectID=p;queueName=q;value=0", "value", "> 0")]
    [InlineData("projectID=p;queueName=q;activationValue=x", "activationValue", "not a number")]
    [InlineData("projectId=p;queueName=projects/other/locations/l/queues/q", "projectId", "differs")]
    [InlineData("queueName=q;projectIDFromEnv=P", "projectID", "is required")]
    [InlineData("projectID=p;queueNameFromEnv=Q", "queueName", "is required")]
    public void Bind_InvalidMetadata_ReportsTheKey(string pairs, string key, string message)
    {
        var metadata = pairs.Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

        var (_, errors) = Bind(metadata);

        errors.ShouldContain(e => e.Key == key && e.Message.Contains(message));
    }

    [Fact]
    public void Bind_BothProjectSpellings_ProjectIDWins()
    {
        var (m, errors) = Bind(new() { ["projectId"] = "second", ["projectID"] = "first", ["queueName"] = "q" });

        errors.ShouldBeEmpty();
        m.ProjectId.ShouldBe("first");
    }

    [Fact]
    public void Bind_ProjectIdAliasDiffering_IsNamedAsWritten()
    {
        var (_, errors) = Bind(new() { ["projectId"] = "p", ["queueName"] = "projects/other/locations/l/queues/q" });

        errors.ShouldBe([new Crema.Abstractions.MetadataError("projectId", "\"p\" differs from the project \"other\" of queueName")]);
    }

    [Fact]
    public void Validate_EveryKedaKey_IsKnownAndRaisesNoWarning()
    {
        // KEDA 2.20 announces the whole scaler as deprecated (on projectID) because it queries MQL; Crema does not use MQL.
        var validation = Factory.Validate(GcpTestContext.Create("gcp-cloudtasks", new Dictionary<string, string>
        {
            ["projectID"] = "p", ["queueName"] = "q", ["value"] = "5", ["activationValue"] = "1", ["filterDuration"] = "3",
            ["credentialsFromEnv"] = "GOOGLE_JSON", ["credentialsFromEnvFile"] = "KEY_FILE",
        }, validationOnly: true));

        validation.Errors.ShouldBeEmpty();
        validation.UnknownKeys.ShouldBeEmpty();
        validation.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_KeysFromEnv_AreNotReadAsInKeda()
    {
        // KEDA reads every cloud tasks key from trigger metadata only (order=triggerMetadata).
        var validation = Factory.Validate(GcpTestContext.Create("gcp-cloudtasks",
            new Dictionary<string, string> { ["projectID"] = "p", ["queueName"] = "q", ["valueFromEnv"] = "V", ["filterDurationFromEnv"] = "F" },
            new Dictionary<string, string> { ["V"] = "5", ["F"] = "3" }));

        validation.Errors.ShouldBeEmpty();
        validation.UnknownKeys.ShouldBeEmpty();
        validation.Warnings.Select(w => w.Key).ShouldBe(["filterDurationFromEnv", "valueFromEnv"]);
    }
}
