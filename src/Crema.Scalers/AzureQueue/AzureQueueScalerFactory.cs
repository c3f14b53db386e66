using Azure.Storage.Queues;
using Crema.Abstractions;
using Keys = Crema.Scalers.AzureQueue.AzureQueueKeys;

namespace Crema.Scalers.AzureQueue;

/// <summary>Builds <c>azure-queue</c> scalers: the message count of an Azure Storage queue.</summary>
internal sealed class AzureQueueScalerFactory : ScalerFactory<AzureQueueMetadata>
{
    public override string Type => "azure-queue";

    /// <inheritdoc />
    public override string Description => "the approximate message count of an Azure Storage queue";

    protected override AzureQueueMetadata Bind(MetadataBinder binder)
    {
        var activation = binder.Long(Keys.ActivationQueueLength, 0);
        var queueName = binder.RequiredString(Keys.QueueName).Trim();
        var queueLength = binder.Long(Keys.QueueLength, 5);
        var connection = binder.String(Keys.Connection) ?? string.Empty;
        var accountName = binder.String(Keys.AccountName) ?? string.Empty;
        var givenSuffix = binder.String(Keys.EndpointSuffix);
        var strategy = binder.String(Keys.QueueLengthStrategy) ?? "all";
        var cloud = binder.String(Keys.Cloud);
        var suffix = AzureCloud.QueueEndpointSuffix(cloud?.Trim(), givenSuffix?.Trim(), out var cloudError);
        if (cloudError is not null)
        {
            binder.Fail(cloud is not null && string.Equals(cloud.Trim(), "Private", StringComparison.OrdinalIgnoreCase) ? Keys.EndpointSuffix : Keys.Cloud, cloudError);
        }
        // podIdentity azure-workload (KEDA's other way in) is refused by the TriggerAuthentication check, so the
        // connection string is the only credential.
        if (!binder.Has(Keys.Connection))
        {
            binder.Fail(Keys.Connection.Name,
                $"is required (no connection setting given): the storage account's connection string{MetadataError.AuthenticationRefHint}, in metadata or from connectionFromEnv",
                MetadataSource.AuthParams);
        }
        else if (connection.Length > 0 && queueName.Length > 0)
        {
            CheckConnection(binder, connection, queueName);
        }
        return new AzureQueueMetadata(queueName, queueLength, activation, connection, accountName, suffix ?? string.Empty,
            string.Equals(strategy, "visibleonly", StringComparison.Ordinal), AzureQueueMetadata.DefaultTimeout);
    }

    protected override MetricReading ToReading(AzureQueueMetadata metadata, double value) => metadata.ToReading(value);

    protected override IScaler Create(AzureQueueMetadata metadata, ScalerContext context) =>
        new AzureQueueScaler(metadata, context.TimeProvider);

    /// <summary>The SDK's own parse (no I/O); its message is not repeated, since it may quote the string.</summary>
    private static void CheckConnection(MetadataBinder binder, string connection, string queueName)
    {
        try
        {
            _ = new QueueClient(connection, queueName);
        }
        catch (Exception error) when (error is FormatException or ArgumentException or InvalidOperationException)
        {
            binder.Fail(Keys.Connection,
                "is not a storage account connection string (DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net, or with QueueEndpoint=...)");
        }
    }
}
