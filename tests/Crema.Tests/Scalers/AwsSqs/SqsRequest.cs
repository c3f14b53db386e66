namespace Crema.Tests.Scalers.AwsSqs;

/// <summary>One request <see cref="SqsStandIn"/> received.</summary>
internal sealed record SqsRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Target => Headers.GetValueOrDefault("X-Amz-Target", "");

    public string ContentType => Headers.GetValueOrDefault("Content-Type", "");

    public string Authorization => Headers.GetValueOrDefault("Authorization", "");
}
