using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crema.Google.Http;

namespace Crema.Google.CloudRun;

/// <summary>Reads the Admin API v2 JSON (WorkerPool, Service, google.longrunning.Operation).</summary>
internal static class CloudRunJson
{
    /// <summary>Reads a WorkerPool or Service; throws <see cref="JsonException"/> for anything else.</summary>
    public static CloudRunTarget ReadTarget(string body, CloudRunResourceName requested) => Guarded(() => ReadTargetOf(body, requested));

    /// <summary>Reads name, done and error of a long-running operation; throws <see cref="JsonException"/> for anything else.</summary>
    public static (string? Name, bool Done, GoogleApiError? Error) ReadOperation(string body) => Guarded(() => ReadOperationOf(body));

    private static CloudRunTarget ReadTargetOf(string body, CloudRunResourceName requested)
    {
        using var document = JsonDocument.Parse(body);
        var root = RootObject(document, "a WorkerPool or Service");
        var count = root.TryGetProperty("scaling", out var scaling)
                    && scaling.ValueKind == JsonValueKind.Object
                    && scaling.TryGetProperty("manualInstanceCount", out var manual)
                    && manual.ValueKind == JsonValueKind.Number
                    && manual.TryGetInt32(out var value)
            ? Math.Max(0, value)
            : 0;
        return new CloudRunTarget(
            Name: String(root, "name") ?? requested.Name,
            Kind: requested.Kind,
            InstanceCount: count,
            Etag: String(root, "etag"),
            Generation: Int64(root, "generation"),
            ObservedGeneration: Int64(root, "observedGeneration"),
            Reconciling: root.TryGetProperty("reconciling", out var r) && r.ValueKind == JsonValueKind.True,
            TerminalCondition: root.TryGetProperty("terminalCondition", out var c) && c.ValueKind == JsonValueKind.Object
                ? new CloudRunCondition(String(c, "type"), String(c, "state"), String(c, "message"))
                : null,
            UpdateTime: String(root, "updateTime") is { } t
                        && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : null)
        {
            LatestReadyRevision = String(root, "latestReadyRevision"),
            ScalingMode = scaling.ValueKind == JsonValueKind.Object ? String(scaling, "scalingMode") : null,
        };
    }

    public static string ScaleBody(int count, string? etag)
    {
        var body = new JsonObject { ["scaling"] = new JsonObject { ["manualInstanceCount"] = count } };
        if (!string.IsNullOrEmpty(etag))
        {
            body["etag"] = etag;
        }

        return body.ToJsonString();
    }

    private static (string? Name, bool Done, GoogleApiError? Error) ReadOperationOf(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = RootObject(document, "an Operation");
        var done = root.TryGetProperty("done", out var d) && d.ValueKind == JsonValueKind.True;
        GoogleApiError? error = null;
        if (root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object)
        {
            var parsed = GoogleApiError.FromErrorObject(e, fallbackCode: 2);
            error = parsed with { Status = parsed.Status ?? GoogleRpcCode.Name(parsed.Code) };
        }

        return (String(root, "name"), done, error);
    }

    // System.Text.Json throws InvalidOperationException on a name or string holding a lone surrogate escape ("\ud800").
    private static T Guarded<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException e)
        {
            throw new JsonException($"the reply is not the expected JSON ({e.Message})", e);
        }
    }

    private static JsonElement RootObject(JsonDocument document, string what) =>
        document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement
            : throw new JsonException($"the reply is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not {what} object");

    private static string? String(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape ("\ud800") is valid JSON but no text.
            throw new JsonException($"\"{property}\" is not valid text");
        }
    }

    // int64 fields are JSON strings in Google's REST mapping; accept numbers too.
    private static long Int64(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return 0;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) => s,
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            _ => 0,
        };
    }
}
