using Azure.Storage.Queues;
using Crema.Abstractions;

namespace Crema.Scalers.AzureQueue;

/// <summary>
/// Reads one <c>azure-queue</c> trigger with Azure.Storage.Queues (Shared Key): Get Queue Metadata for
/// x-ms-approximate-messages-count, after Peek Messages (up to 32) with queueLengthStrategy visibleonly, as KEDA does.
/// No SDK retries (the engine retries once, as KEDA's does); each read bounded on the injected clock.
/// </summary>
internal sealed class AzureQueueScaler : IScaler
{
    private readonly AzureQueueMetadata metadata;
    private readonly QueueClient client;
    private readonly TimeProvider timeProvider;
    private readonly AzureQueueErrors errors;

    public AzureQueueScaler(AzureQueueMetadata metadata, TimeProvider timeProvider)
    {
        this.metadata = metadata;
        this.timeProvider = timeProvider;
        client = new QueueClient(metadata.Connection, metadata.QueueName, ClientOptions());
        errors = new AzureQueueErrors(metadata, client.Uri);
    }

    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(metadata.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var count = await CountAsync(linked.Token).ConfigureAwait(false);
            return metadata.ToReading(count);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw errors.Timeout();
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw errors.Describe(error);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // QueueClient holds only the SDK's shared transport

    private async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        if (metadata.VisibleOnly)
        {
            var peeked = await client.PeekMessagesAsync(AzureQueueLength.MaxPeekMessages, cancellationToken).ConfigureAwait(false);
            if (AzureQueueLength.FromPeek(peeked.Value.Length) is { } visible)
            {
                return visible;
            }
        }
        var properties = await client.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        // A count is never negative; a broken service (or proxy) saying so reads as an empty queue, as other scalers' counts do.
        return Math.Max(0, properties.Value.ApproximateMessagesCount);
    }

    private static QueueClientOptions ClientOptions()
    {
        var options = new QueueClientOptions();
        options.Retry.MaxRetries = 0;
        // The SDK's log events may carry request details; Crema reports failures itself.
        options.Diagnostics.IsLoggingEnabled = false;
        options.Diagnostics.IsDistributedTracingEnabled = false;
        return options;
    }
}
