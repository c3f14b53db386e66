using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Crema.Host.Leadership;

/// <summary>
/// The lease record as the data of a Cloud Storage object: the LeaseSpec field names, times in RFC 3339 UTC
/// with microseconds (Kubernetes' MicroTime). Data that is not such a record reads as held by an unknown
/// holder, so it is taken over only after a whole lease duration, never at once.
/// </summary>
internal static class LeaseRecordJson
{
    public const string UnknownHolder = "(unreadable lease data)";

    public static string Write(LeaseRecord record)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("holderIdentity", record.HolderIdentity ?? string.Empty);
            json.WriteNumber("leaseDurationSeconds", record.LeaseDurationSeconds);
            WriteTime(json, "acquireTime", record.AcquireTime);
            WriteTime(json, "renewTime", record.RenewTime);
            json.WriteNumber("leaseTransitions", record.LeaseTransitions);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static LeaseRecord Read(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                return new LeaseRecord(
                    root.TryGetProperty("holderIdentity", out var holder) && holder.ValueKind == JsonValueKind.String ? holder.GetString() : null,
                    root.TryGetProperty("leaseDurationSeconds", out var duration) && duration.TryGetInt32(out var seconds) ? seconds : 0,
                    Time(root, "acquireTime"),
                    Time(root, "renewTime"),
                    root.TryGetProperty("leaseTransitions", out var transitions) && transitions.TryGetInt32(out var count) ? count : 0);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Falls through to the unknown holder. InvalidOperationException: a name or string with a lone surrogate escape ("\ud800").
        }
        return new LeaseRecord(UnknownHolder, 0, null, null, 0);
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } at)
        {
            json.WriteString(name, at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        }
    }

    private static DateTimeOffset? Time(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;
}
