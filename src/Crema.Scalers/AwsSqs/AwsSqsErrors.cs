using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Crema.Abstractions;
using Crema.Scalers.Http;

namespace Crema.Scalers.AwsSqs;

/// <summary>
/// Turns what the SDK throws into one line that says what to fix. AWS's own error text is escaped and cleared of
/// every form of the trigger's secrets, though AWS never echoes them.
/// </summary>
internal sealed class AwsSqsErrors(AwsSqsMetadata metadata, AwsCredentials credentials)
{
    private readonly SecretRedactor redactor = new([credentials.SecretAccessKey, credentials.SessionToken ?? string.Empty]);

    private string Where => $"aws-sqs-queue: queue {metadata.QueueName} at {EndpointText}";

    private string EndpointText => metadata.Endpoint?.GetLeftPart(UriPartial.Authority) ?? $"https://sqs.{metadata.Region}.amazonaws.com";

    /// <summary>No answer within the timeout.</summary>
    public AwsSqsException Timeout() =>
        new($"{Where}: no answer within {metadata.Timeout.TotalSeconds:0.###} s");

    /// <summary>A clear message for <paramref name="error"/>.</summary>
    public AwsSqsException Describe(Exception error)
    {
        if (error is AmazonServiceException service && service.ErrorCode is { Length: > 0 } code)
        {
            return new AwsSqsException($"{Where}: {Explain(code, service.StatusCode, service.Message ?? string.Empty)}");
        }
        if (FindNetworkError(error) is { } network)
        {
            return new AwsSqsException($"{Where}: cannot connect: {Clean(network.Message)}");
        }
        return new AwsSqsException($"{Where}: {Clean(error.Message)}");
    }

    private string Explain(string code, HttpStatusCode status, string message) => code switch
    {
        "InvalidClientTokenId" or "UnrecognizedClientException" =>
            $"AWS does not know the access key ({code}, HTTP {(int)status}) that {credentials.Identity} signs with: check awsAccessKeyID (and awsSessionToken for temporary credentials)",
        "SignatureDoesNotMatch" or "IncompleteSignature" =>
            $"the request signature was rejected ({code}, HTTP {(int)status}): check awsSecretAccessKey and awsRegion",
        "ExpiredToken" or "ExpiredTokenException" or "RequestExpired" =>
            $"the credentials have expired ({code}, HTTP {(int)status}): renew awsSessionToken (or check the clock)",
        "AccessDenied" or "AccessDeniedException" =>
            $"access denied ({code}, HTTP {(int)status}): {credentials.Identity} needs sqs:GetQueueAttributes on this queue",
        "AWS.SimpleQueueService.NonExistentQueue" or "QueueDoesNotExist" =>
            $"the queue does not exist ({code}): check queueURL and awsRegion",
        _ => $"{Clean(code)} (HTTP {(int)status}): {Clean(message)}",
    };

    /// <summary>Removes every form of the trigger's secrets from AWS's text.</summary>
    public SecretRedactor Redactor => redactor;

    private string Clean(string text) => redactor.Clean(text);

    private static Exception? FindNetworkError(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or SocketException or IOException)
            {
                return e;
            }
        }
        return null;
    }
}
