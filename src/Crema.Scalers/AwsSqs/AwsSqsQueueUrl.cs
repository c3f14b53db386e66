namespace Crema.Scalers.AwsSqs;

/// <summary>
/// KEDA's reading of queueURL: a URL (Go's url.ParseRequestURI accepts an absolute URL or a path starting with '/')
/// must have the path /ACCOUNT/NAME; anything else is taken as the queue's short name.
/// </summary>
internal static class AwsSqsQueueUrl
{
    /// <summary>The queue's name, or null with <paramref name="error"/> when a URL has no /ACCOUNT/NAME path.</summary>
    public static string? QueueName(string queueUrl, out string? error)
    {
        error = null;
        string? path = null;
        if (queueUrl.StartsWith('/'))
        {
            path = queueUrl;
        }
        else if (Uri.TryCreate(queueUrl, UriKind.Absolute, out var uri) && queueUrl.Contains(':', StringComparison.Ordinal))
        {
            path = uri.AbsolutePath;
        }
        if (path is null)
        {
            return queueUrl;
        }
        var parts = path.Split('?')[0].Split('/');
        if (parts.Length != 3 || parts[2].Length == 0)
        {
            error = $"\"{queueUrl}\" has no queue name: a queue URL ends in /ACCOUNT_ID/QUEUE_NAME (or give the queue's short name)";
            return null;
        }
        return Uri.UnescapeDataString(parts[2]);
    }
}
