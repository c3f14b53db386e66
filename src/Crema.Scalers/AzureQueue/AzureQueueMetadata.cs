using Crema.Abstractions;

namespace Crema.Scalers.AzureQueue;

/// <summary>The typed metadata of an <c>azure-queue</c> trigger (KEDA 2.20's fields and defaults).</summary>
/// <param name="QueueName">The queue. Required.</param>
/// <param name="QueueLength">Messages per replica. Default 5.</param>
/// <param name="ActivationQueueLength">Active while the queue holds more than this. Default 0.</param>
/// <param name="Connection">The storage connection string (a secret: it holds the account key). Required without pod identity.</param>
/// <param name="AccountName">The account name, or empty (KEDA uses it only with podIdentity azure-workload). Default empty.</param>
/// <param name="EndpointSuffix">The queue endpoint suffix from cloud/endpointSuffix. Default queue.core.windows.net.</param>
/// <param name="VisibleOnly">queueLengthStrategy visibleonly: peek up to 32 visible messages first. Default false (all).</param>
/// <param name="Timeout">Longest one read may take, on the injected clock. Default 3 s (KEDA's HTTP timeout).</param>
internal sealed record AzureQueueMetadata(
    string QueueName,
    long QueueLength,
    long ActivationQueueLength,
    string Connection,
    string AccountName,
    string EndpointSuffix,
    bool VisibleOnly,
    TimeSpan Timeout)
{
    /// <summary>KEDA's default HTTP timeout (KEDA_HTTP_DEFAULT_TIMEOUT, 3000 ms).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The reading for a message count: active above activationQueueLength (KEDA), compared with queueLength.</summary>
    public MetricReading ToReading(double messages) => new(messages, QueueLength, messages > ActivationQueueLength);

    /// <summary>Describes the trigger without the connection string.</summary>
    public override string ToString() =>
        $"{nameof(AzureQueueMetadata)} {{ QueueName = {QueueName}, QueueLength = {QueueLength}, ActivationQueueLength = {ActivationQueueLength}, " +
        $"Connection = [redacted], AccountName = {AccountName}, EndpointSuffix = {EndpointSuffix}, VisibleOnly = {VisibleOnly}, Timeout = {Timeout} }}";
}
