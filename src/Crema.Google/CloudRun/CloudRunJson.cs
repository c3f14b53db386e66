using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crema.Google.Http;

namespace Crema.Google.CloudRun;

/// <summary>Reads the Admin API v2 JSON (WorkerPool, Service, google.longrunning.Operation).</summary>
internal static class CloudRunJson
{
    public static CloudRunTarget ReadTarget(string body, CloudRunResourceName requested)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var count = root.TryGetProperty("scaling", out var scaling)
                    && scaling.ValueKind == JsonValueKind.Object
                    && scaling.TryGetProperty("manualInstanceCount", out var manual)
                    && manual.TryGetInt32(out var value)
            ? value
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

    /// <summary>Reads name, done and error of a long-running operation.</summary>
    public static (string? Name, bool Done, GoogleApiError? Error) ReadOperation(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var done = root.TryGetProperty("done", out var d) && d.ValueKind == JsonValueKind.True;
        GoogleApiError? error = null;
        if (root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object)
        {
            var parsed = GoogleApiError.FromErrorObject(e, fallbackCode: 2);
            error = parsed with { Status = parsed.Status ?? GoogleRpcCode.Name(parsed.Code) };
        }

        return (String(root, "name"), done, error);
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

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
