using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Crema.Abstractions;

namespace Crema.Scalers.AwsSqs;

/// <summary>
/// Reads one <c>aws-sqs-queue</c> trigger: GetQueueAttributes (AWS JSON 1.0, SigV4-signed) for
/// ApproximateNumberOfMessages, plus NotVisible (scaleOnInFlight) and Delayed (scaleOnDelayed), summed.
/// One call per poll, no SDK retries (the engine retries once, as KEDA's does), bounded on the injected clock.
/// </summary>
internal sealed class AwsSqsScaler : IScaler
{
    private readonly AwsSqsMetadata metadata;
    private readonly AmazonSQSClient? client;
    private readonly string? credentialsProblem;
    private readonly TimeProvider timeProvider;
    private readonly AwsSqsErrors errors;

    public AwsSqsScaler(AwsSqsMetadata metadata, Func<string, string?> environment, TimeProvider timeProvider)
    {
        this.metadata = metadata;
        this.timeProvider = timeProvider;
        var credentials = metadata.Credentials;
        if (credentials.FromEnvironment)
        {
            credentials = FromEnvironment(environment, out credentialsProblem);
        }
        errors = new AwsSqsErrors(metadata, credentials);
        if (credentialsProblem is null)
        {
            client = new AmazonSQSClient(ToSdk(credentials), ClientConfig(metadata));
        }
    }

    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        if (client is null)
        {
            throw new AwsSqsException($"aws-sqs-queue: queue {metadata.QueueName}: {credentialsProblem}");
        }
        var request = new GetQueueAttributesRequest { QueueUrl = metadata.QueueUrl, AttributeNames = [.. metadata.AttributeNames] };
        using var deadline = new CancellationTokenSource(metadata.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        GetQueueAttributesResponse response;
        try
        {
            response = await client.GetQueueAttributesAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw errors.Timeout();
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw errors.Describe(error);
        }
        return metadata.ToReading(AwsSqsAttributes.Sum(metadata.AttributeNames, response.Attributes, metadata.QueueName, errors.Redactor));
    }

    public ValueTask DisposeAsync()
    {
        client?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The SDK's settings: the region's endpoint or awsEndpoint, no retries of its own.</summary>
    internal static AmazonSQSConfig ClientConfig(AwsSqsMetadata metadata)
    {
        var config = new AmazonSQSConfig
        {
            MaxErrorRetry = 0,
            // No Timeout here: the SDK's runs on the wall clock; ReadAsync bounds each call on the injected one.
            // Only this trigger's metadata chooses where signed requests go, never AWS_ENDPOINT_URL* or ~/.aws/config.
            IgnoreConfiguredEndpointUrls = true,
            DisableLogging = true,
        };
        if (metadata.Endpoint is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = metadata.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(metadata.Region);
        }
        return config;
    }

    private static AWSCredentials ToSdk(AwsCredentials credentials) => credentials.SessionToken is { } token
        ? new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, token)
        : new BasicAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey);

    /// <summary>identityOwner operator: Crema's own credentials, from the variables every AWS SDK reads.</summary>
    private static AwsCredentials FromEnvironment(Func<string, string?> environment, out string? problem)
    {
        var id = environment(AwsCredentials.AccessKeyIdVariable);
        var secret = environment(AwsCredentials.SecretAccessKeyVariable);
        var token = environment(AwsCredentials.SessionTokenVariable);
        problem = string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(secret)
            ? $"identityOwner operator uses Crema's own AWS credentials, and its environment lacks {AwsCredentials.AccessKeyIdVariable} or {AwsCredentials.SecretAccessKeyVariable}"
            : null;
        return new AwsCredentials(id ?? string.Empty, secret ?? string.Empty, string.IsNullOrWhiteSpace(token) ? null : token, FromEnvironment: true);
    }
}
