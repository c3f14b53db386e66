using System.Text.Json;

namespace Crema.Scalers.RabbitMq;

/// <summary>
/// Reads the management API's queue objects (GET /api/queues/{vhost}/{name}) and paged listings
/// (<c>{"items": [...], "page_count": n}</c>). Missing figures read as 0, as KEDA's JSON decoding does
/// (a queue's message counts appear only after the broker's first statistics emission).
/// </summary>
internal static class RabbitMqQueueInfoParser
{
    /// <summary>One queue's figures; Messages is messages_ready when <paramref name="excludeUnacknowledged"/>.</summary>
    public static RabbitMqQueueStats ParseQueue(JsonElement queue, bool excludeUnacknowledged) => Guarded(() => QueueOf(queue, excludeUnacknowledged));

    private static RabbitMqQueueStats QueueOf(JsonElement queue, bool excludeUnacknowledged)
    {
        if (queue.ValueKind != JsonValueKind.Object)
        {
            throw new RabbitMqException("the management API's queue reply is not a JSON object");
        }
        var messages = Count(queue, "messages");
        var ready = Count(queue, "messages_ready");
        var stats = queue.TryGetProperty("message_stats", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        return new RabbitMqQueueStats(
            excludeUnacknowledged ? ready : messages,
            ready,
            Rate(stats, "publish_details"),
            Rate(stats, "deliver_get_details"));
    }

    /// <summary>The figures of every listed queue and the listing's page count (1 when absent).</summary>
    public static (IReadOnlyList<RabbitMqQueueStats> Queues, long PageCount) ParseListing(JsonElement listing, bool excludeUnacknowledged) =>
        Guarded(() => ListingOf(listing, excludeUnacknowledged));

    private static (IReadOnlyList<RabbitMqQueueStats> Queues, long PageCount) ListingOf(JsonElement listing, bool excludeUnacknowledged)
    {
        if (listing.ValueKind != JsonValueKind.Object || !listing.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new RabbitMqException("the management API's queue listing has no \"items\" array");
        }
        var queues = items.EnumerateArray().Select(q => QueueOf(q, excludeUnacknowledged)).ToArray();
        var pages = listing.TryGetProperty("page_count", out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt64(out var n) ? n : 1;
        return (queues, pages);
    }

    // A count below 0 reads as 0, one beyond int64 (1e300) as the largest: never a negative queue.
    private static long Count(JsonElement queue, string name) =>
        queue.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.TryGetInt64(out var count) ? Math.Max(0, count) : value.GetDouble() is var d && d >= long.MaxValue ? long.MaxValue : (long)Math.Max(0, d)
            : 0;

    // System.Text.Json throws InvalidOperationException on a name holding a lone surrogate escape ("\ud800").
    private static T Guarded<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            throw new RabbitMqException("the management API's reply holds a name or string that is not valid text");
        }
    }

    private static double Rate(JsonElement stats, string name) =>
        stats.ValueKind == JsonValueKind.Object
        && stats.TryGetProperty(name, out var details) && details.ValueKind == JsonValueKind.Object
        && details.TryGetProperty("rate", out var rate) && rate.ValueKind == JsonValueKind.Number
            ? rate.GetDouble()
            : 0;
}
