using Crema.Abstractions;

namespace Crema.Tests.Scalers.AzureQueue;

/// <summary>Binding of every key, with KEDA 2.20's azure_queue_scaler_test.go cases transcribed and Crema's exact messages.</summary>
public sealed class AzureQueueMetadataTests
{
    private const string Env = "connectionFromEnv=CONNECTION";
    private const string NoConnection = "connection: is required (no connection setting given): the storage account's connection string (as a parameter of the trigger's authenticationRef), in metadata or from connectionFromEnv";
    private const string BadConnection = "connection: is not a storage account connection string (DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net, or with QueueEndpoint=...)";

    private static readonly Dictionary<string, string> Environment = new() { ["CONNECTION"] = AzureQueueTriggers.SampleConnection };

    // KEDA's testAzQueueMetadata, in its order. Its CONNECTION is "SAMPLE", which KEDA parses only when it builds the
    // client; Crema checks it at binding, so the cases use a well-formed string (one case keeps "SAMPLE"). The
    // podIdentity azure-workload cases are left to the TriggerAuthentication validator, which rejects that provider
    // (Crema has no Azure identity): here they are bound without pod identity, so they need a connection.
    [Theory]
    [InlineData("-queueName", "", "queueName: is required; " + NoConnection)]
    [InlineData(Env + "|queueName=sample|queueLength=5", "", "")]
    [InlineData(Env + "|queueName=", "", "queueName: is required")]
    [InlineData(Env + "|queueName=sample|queueLength=AA", "", "queueLength: \"AA\" is not an integer")]
    [InlineData(Env + "|queueName=sample|queueLength=1|activationQueueLength=AA", "", "activationQueueLength: \"AA\" is not an integer")]
    [InlineData("accountName=sample_acc|queueName=sample_queue", "", NoConnection)]
    [InlineData("accountName=sample_acc|queueName=sample_queue|cloud=AzurePublicCloud", "", NoConnection)]
    [InlineData(Env + "|accountName=sample_acc|queueName=sample_queue|cloud=InvalidCloud", "", "cloud: invalid cloud environment InvalidCloud: give AzurePublicCloud, AzureUSGovernmentCloud, AzureChinaCloud, AzureGermanCloud or Private (with endpointSuffix)")]
    [InlineData(Env + "|accountName=sample_acc|queueName=sample_queue|cloud=Private|endpointSuffix=queue.core.private.cloud", "", "")]
    [InlineData(Env + "|accountName=sample_acc|queueName=sample_queue|cloud=Private|endpointSuffix=", "", "endpointSuffix: endpointSuffix must be provided for Private cloud type")]
    [InlineData(Env + "|accountName=sample_acc|queueName=sample_queue|cloud=|endpointSuffix=ignored", "", "")]
    [InlineData("queueName=sample|queueLength=5", "connection=" + AzureQueueTriggers.SampleConnection, "")]
    [InlineData(Env + "|queueName=sample|queueLength=5|queueLengthStrategy=all", "", "")]
    [InlineData(Env + "|queueName=sample|queueLength=5|queueLengthStrategy=visibleonly", "", "")]
    [InlineData(Env + "|queueName=sample|queueLength=5|queueLengthStrategy=invalid", "", "queueLengthStrategy: \"invalid\" is not one of: all, visibleonly")]
    // Crema's further checks, each with its exact message.
    [InlineData("queueName=sample", "connection=SAMPLE", BadConnection)]
    [InlineData(Env + "|queueLength=0", "", "queueLength: must be > 0, found 0")]
    [InlineData(Env + "|queueLengthStrategy=VisibleOnly", "", "")]
    [InlineData(Env + "|cloud=AzureUSGovernmentCloud", "", "")]
    [InlineData(Env + "|cloud=azurechinacloud", "", "")]
    [InlineData(Env + "|cloud=AzureStackCloud", "", "cloud: AzureStackCloud reads its endpoints from the file named by AZURE_ENVIRONMENT_FILEPATH, which Crema does not support; use cloud Private with endpointSuffix")]
    [InlineData("-queueName|queueLength=x|queueLengthStrategy=some", "", "queueName: is required; queueLength: \"x\" is not an integer; queueLengthStrategy: \"some\" is not one of: all, visibleonly; " + NoConnection)]
    public void Bind_KedaAndCremaCases_ReportExactlyTheseErrors(string metadata, string auth, string expected)
    {
        var (_, errors) = AzureQueueTriggers.Bind(metadata, auth, environment: Environment);

        string.Join("; ", errors).ShouldBe(expected);
    }

    [Fact]
    public void Bind_OnlyRequiredKeys_TakesKedasDefaults()
    {
        var (metadata, errors) = AzureQueueTriggers.Bind("", "connection=" + AzureQueueTriggers.SampleConnection);

        errors.ShouldBeEmpty();
        metadata.QueueName.ShouldBe("orders");
        metadata.QueueLength.ShouldBe(5);
        metadata.ActivationQueueLength.ShouldBe(0);
        metadata.Connection.ShouldBe(AzureQueueTriggers.SampleConnection);
        metadata.AccountName.ShouldBeEmpty();
        metadata.EndpointSuffix.ShouldBe("queue.core.windows.net");
        metadata.VisibleOnly.ShouldBeFalse();
        metadata.Timeout.ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Theory]
    [InlineData("", "queue.core.windows.net")]
    [InlineData("cloud=AzurePublicCloud", "queue.core.windows.net")]
    [InlineData("cloud=AzureCloud", "queue.core.windows.net")]
    [InlineData("cloud=AzureUSGovernment", "queue.core.usgovcloudapi.net")]
    [InlineData("cloud=AzureChinaCloud", "queue.core.chinacloudapi.cn")]
    [InlineData("cloud=AzureGermanCloud", "queue.core.cloudapi.de")]
    [InlineData("cloud=private|endpointSuffix=queue.core.private.cloud", "queue.core.private.cloud")]
    [InlineData("endpointSuffix=ignored-without-cloud", "queue.core.windows.net")]
    public void Bind_Cloud_GivesKedasEndpointSuffix(string metadata, string expected)
    {
        var (bound, errors) = AzureQueueTriggers.Bind(Env + "|" + metadata, environment: Environment);

        errors.ShouldBeEmpty();
        bound.EndpointSuffix.ShouldBe(expected);
    }

    [Fact]
    public void Bind_ConnectionInMetadata_IsReadAsKedaDoes()
    {
        var (metadata, errors) = AzureQueueTriggers.Bind("connection=" + AzureQueueTriggers.SampleConnection);

        errors.ShouldBeEmpty();
        metadata.Connection.ShouldBe(AzureQueueTriggers.SampleConnection);
    }

    [Fact]
    public void Bind_ValidationOnly_DeclaredConnectionCountsAsPresent()
    {
        var (_, errors) = AzureQueueTriggers.Bind("", "connection=", validationOnly: true);

        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Bind_MalformedConnection_ErrorDoesNotQuoteIt()
    {
        var (_, errors) = AzureQueueTriggers.Bind("", "connection=AccountKey=c2VjcmV0LWtleQ==;Nonsense");

        errors.ShouldHaveSingleItem().ToString().ShouldNotContain("c2VjcmV0LWtleQ");
    }

    [Fact]
    public void ToString_NeverShowsTheConnectionString()
    {
        var (metadata, _) = AzureQueueTriggers.Bind("", "connection=" + AzureQueueTriggers.SampleConnection);

        metadata.ToString().ShouldNotContain(Crema.Tests.Scalers.AzureQueue.AzuriteServer.AccountKey);
    }

    [Fact]
    public void ToReading_ActiveAboveActivationQueueLength()
    {
        var (metadata, _) = AzureQueueTriggers.Bind(Env + "|queueLength=10|activationQueueLength=3", environment: Environment);

        metadata.ToReading(3).ShouldBe(new MetricReading(3, 10, false));
        metadata.ToReading(4).ShouldBe(new MetricReading(4, 10, true));
    }
}
