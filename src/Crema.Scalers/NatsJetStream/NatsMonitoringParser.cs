using System.Text.Json;
using Crema.Abstractions;

namespace Crema.Scalers.NatsJetStream;

/// <summary>
/// Reads the /jsz and /varz replies of the NATS monitoring endpoint, the fields KEDA decodes: each account's
/// id and name, its streams by name, their consumers by name with num_pending, num_ack_pending and
/// cluster.leader, meta_cluster.cluster_size; server_name, connect_urls and cluster.urls. Absent fields read
/// as zero or empty, as Go's decoder leaves them; a field of the wrong type is an error, as in Go.
/// </summary>
internal static class NatsMonitoringParser
{
    /// <summary>The stream and consumer of <paramref name="metadata"/> in a /jsz reply; throws <see cref="NatsJetStreamException"/>.</summary>
    public static NatsJszView ParseJsz(byte[] body, NatsJetStreamMetadata metadata) => Readable("/jsz", () => Jsz(body, metadata));

    /// <summary>The fields of a /varz reply; throws <see cref="NatsJetStreamException"/>.</summary>
    public static NatsVarz ParseVarz(byte[] body) => Readable("/varz", () => Varz(body));

    // System.Text.Json throws InvalidOperationException when it compares or reads a name holding a lone surrogate escape ("\ud800").
    private static T Readable<T>(string what, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            throw new NatsJetStreamException($"the {what} reply holds a name or string that is not valid text");
        }
    }

    private static NatsJszView Jsz(byte[] body, NatsJetStreamMetadata metadata)
    {
        using var document = Open(body, "/jsz");
        var root = document.RootElement;
        var clusterSize = root.TryGetProperty("meta_cluster", out var meta) && meta.ValueKind == JsonValueKind.Object
            ? (int)Math.Clamp(Number(meta, "cluster_size", "/jsz meta_cluster"), int.MinValue, int.MaxValue)
            : 0;
        var streamFound = false;
        foreach (var account in Array(root, "account_details", "/jsz"))
        {
            if (!metadata.IsAccount(Text(account, "id", "/jsz account"), Text(account, "name", "/jsz account")))
            {
                continue;
            }
            foreach (var stream in Array(account, "stream_detail", "/jsz account"))
            {
                if (Text(stream, "name", "/jsz stream") != metadata.Stream)
                {
                    continue;
                }
                streamFound = true;
                foreach (var consumer in Array(stream, "consumer_detail", "/jsz stream"))
                {
                    if (Text(consumer, "name", "/jsz consumer") != metadata.Consumer)
                    {
                        continue;
                    }
                    var leader = consumer.TryGetProperty("cluster", out var cluster) && cluster.ValueKind == JsonValueKind.Object
                        ? Text(cluster, "leader", "/jsz consumer cluster") ?? ""
                        : "";
                    // KEDA stops at the first account, stream and consumer that match.
                    return new NatsJszView(clusterSize, true, new NatsConsumerLag(
                        Number(consumer, "num_pending", "/jsz consumer"), Number(consumer, "num_ack_pending", "/jsz consumer"), leader));
                }
            }
        }
        return new NatsJszView(clusterSize, streamFound, null);
    }

    private static NatsVarz Varz(byte[] body)
    {
        using var document = Open(body, "/varz");
        var root = document.RootElement;
        var routes = root.TryGetProperty("cluster", out var cluster) && cluster.ValueKind == JsonValueKind.Object
            ? Strings(cluster, "urls", "/varz cluster")
            : [];
        return new NatsVarz(Text(root, "server_name", "/varz") ?? "", Strings(root, "connect_urls", "/varz"), routes);
    }

    private static JsonDocument Open(byte[] body, string what)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new NatsJetStreamException($"the {what} reply is not valid JSON");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new NatsJetStreamException($"the {what} reply is not a JSON object");
        }
        return document;
    }

    private static IEnumerable<JsonElement> Array(JsonElement parent, string name, string where) =>
        Elements(parent, name, where).Select(e => e.ValueKind == JsonValueKind.Object ? e : throw WrongType(where, name, "an array of objects"));

    private static string[] Strings(JsonElement parent, string name, string where) =>
        [.. Elements(parent, name, where).Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw WrongType(where, name, "an array of strings"))];

    private static IEnumerable<JsonElement> Elements(JsonElement parent, string name, string where)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw WrongType(where, name, "an array");
    }

    private static string? Text(JsonElement parent, string name, string where)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        try
        {
            return value.ValueKind == JsonValueKind.String ? value.GetString() : throw WrongType(where, name, "a string");
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses a string holding a lone surrogate escape ("\ud800").
            throw new NatsJetStreamException($"the {where} field {name} is not valid text");
        }
    }

    private static long Number(JsonElement parent, string name, string where)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return 0;
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw WrongType(where, name, "an integer");
    }

    private static NatsJetStreamException WrongType(string where, string name, string expected) =>
        new($"the {where} field {UntrustedText.Escape(name)} is not {expected}");
}
