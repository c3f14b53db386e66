namespace Crema.Scalers.AzureQueue;

/// <summary>KEDA's visibleonly rule: a peek of fewer than 32 messages is the count; a full peek falls back to the approximate count.</summary>
internal static class AzureQueueLength
{
    /// <summary>The most messages one Peek Messages call returns (the service's limit, KEDA's maxPeekMessages).</summary>
    public const int MaxPeekMessages = 32;

    /// <summary>The count from a peek, or null when the peek was full and the approximate count must be read.</summary>
    public static long? FromPeek(int peeked) => peeked < MaxPeekMessages ? peeked : null;
}
