using Crema.Abstractions;

namespace Crema.Scalers.AwsSqs;

/// <summary>The typed metadata of an <c>aws-sqs-queue</c> trigger (KEDA 2.20's fields and defaults).</summary>
/// <param name="QueueUrl">The queue URL (or short name) exactly as given; sent as GetQueueAttributes' QueueUrl. Required.</param>
/// <param name="QueueName">The queue's name: the URL's last path segment, or the short name itself.</param>
/// <param name="QueueLength">Messages per replica. Default 5.</param>
/// <param name="ActivationQueueLength">Active while the queue holds more than this. Default 0.</param>
/// <param name="Region">The AWS region (signature scope, and the endpoint sqs.REGION.amazonaws.com). Required.</param>
/// <param name="Endpoint">An endpoint replacing the region's, or null. Default none.</param>
/// <param name="ScaleOnInFlight">Add ApproximateNumberOfMessagesNotVisible. Default true.</param>
/// <param name="ScaleOnDelayed">Add ApproximateNumberOfMessagesDelayed. Default false.</param>
/// <param name="Credentials">What the request is signed with.</param>
/// <param name="Timeout">Longest one GetQueueAttributes call may take, on the injected clock. Default 3 s (KEDA's HTTP timeout).</param>
internal sealed record AwsSqsMetadata(
    string QueueUrl,
    string QueueName,
    long QueueLength,
    long ActivationQueueLength,
    string Region,
    Uri? Endpoint,
    bool ScaleOnInFlight,
    bool ScaleOnDelayed,
    AwsCredentials Credentials,
    TimeSpan Timeout)
{
    /// <summary>KEDA's default HTTP timeout (KEDA_HTTP_DEFAULT_TIMEOUT, 3000 ms).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The queue attributes summed into the metric, in KEDA's order.</summary>
    public IReadOnlyList<string> AttributeNames =>
    [
        AwsSqsAttributes.Visible,
        .. ScaleOnInFlight ? [AwsSqsAttributes.NotVisible] : Array.Empty<string>(),
        .. ScaleOnDelayed ? [AwsSqsAttributes.Delayed] : Array.Empty<string>(),
    ];

    /// <summary>The reading for a message count: active above activationQueueLength (KEDA), compared with queueLength.</summary>
    public MetricReading ToReading(double messages) => new(messages, QueueLength, messages > ActivationQueueLength);

    /// <summary>Describes the trigger without any secret.</summary>
    public override string ToString() =>
        $"{nameof(AwsSqsMetadata)} {{ QueueUrl = {QueueUrl}, QueueName = {QueueName}, QueueLength = {QueueLength}, ActivationQueueLength = {ActivationQueueLength}, " +
        $"Region = {Region}, Endpoint = {Endpoint?.ToString() ?? "none"}, ScaleOnInFlight = {ScaleOnInFlight}, ScaleOnDelayed = {ScaleOnDelayed}, " +
        $"Credentials = {Credentials}, Timeout = {Timeout} }}";
}
