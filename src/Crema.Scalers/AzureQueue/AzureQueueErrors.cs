using System.Net.Sockets;
using Azure;

namespace Crema.Scalers.AzureQueue;

/// <summary>
/// Turns what the SDK throws into one line that says what to fix. The service's own text is never repeated: an
/// AuthenticationFailed message quotes the request's Shared Key signature, which must not reach a log. The error code
/// that is shown is cleared of the connection string's secrets (AccountKey, SharedAccessSignature), though Azure never echoes them.
/// </summary>
internal sealed class AzureQueueErrors(AzureQueueMetadata metadata, Uri queueUri)
{
    private readonly Crema.Scalers.Http.SecretRedactor redactor = new(SecretsOf(metadata.Connection));

    private string Where => $"azure-queue: queue {metadata.QueueName} at {queueUri.GetLeftPart(UriPartial.Authority)}";

    /// <summary>No answer within the timeout.</summary>
    public AzureQueueException Timeout() => new($"{Where}: no answer within {metadata.Timeout.TotalSeconds:0.###} s");

    /// <summary>A clear message for <paramref name="error"/>.</summary>
    public AzureQueueException Describe(Exception error)
    {
        if (FindNetworkError(error) is { } network)
        {
            return new AzureQueueException($"{Where}: cannot connect: {Crema.Abstractions.UntrustedText.Escape(network.Message)}");
        }
        if (error is RequestFailedException { Status: > 0 } failed)
        {
            return new AzureQueueException($"{Where}: {Explain(failed.ErrorCode, failed.Status)}");
        }
        return new AzureQueueException($"{Where}: {error.GetType().Name}");
    }

    /// <summary>The values of the connection string's AccountKey and SharedAccessSignature settings (a key also without its base64 padding).</summary>
    private static IEnumerable<string> SecretsOf(string connection) => connection
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(setting => setting.Split('=', 2))
        .Where(pair => pair.Length == 2 && (pair[0].Equals("AccountKey", StringComparison.OrdinalIgnoreCase) || pair[0].Equals("SharedAccessSignature", StringComparison.OrdinalIgnoreCase)))
        .SelectMany(pair => new[] { pair[1], pair[1].TrimEnd('=') });

    private string Explain(string? code, int status) => code switch
    {
        "AuthenticationFailed" =>
            $"the storage account rejected the request signature (AuthenticationFailed, HTTP {status}): check AccountName and AccountKey in connection",
        "AuthorizationFailure" or "AuthorizationPermissionMismatch" or "InsufficientAccountPermissions" =>
            $"not allowed to read the queue ({code}, HTTP {status}): the connection string's key or SAS must allow reading queue metadata and peeking",
        "QueueNotFound" => $"the queue does not exist (QueueNotFound, HTTP {status}): check queueName and the account in connection",
        "ResourceNotFound" or "AccountNotFound" => $"the storage account was not found ({code}, HTTP {status}): check connection",
        null or "" => $"HTTP {status}",
        _ => $"{redactor.Clean(code)} (HTTP {status})",
    };

    private static Exception? FindNetworkError(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or SocketException)
            {
                return e;
            }
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Count > 0)
            {
                return FindNetworkError(aggregate.InnerExceptions[0]);
            }
        }
        return null;
    }
}
