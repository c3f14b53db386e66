using System.Globalization;
using System.Text.Json;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Crema.Tests.Leadership;

/// <summary>
/// A loopback stand-in of the Cloud Storage JSON API object endpoints a lease uses, with the real semantics
/// and shapes: <c>POST /upload/storage/v1/b/B/o?uploadType=media&amp;name=N&amp;ifGenerationMatch=G</c> (G=0: only
/// if absent; else only at generation G; a mismatch answers 412 conditionNotMet), <c>GET /storage/v1/b/B/o/N</c>
/// (the object resource, int64 fields as strings) and <c>?alt=media&amp;generation=G</c> (that generation's data).
/// A precondition and its write are one atomic step, as in Cloud Storage. Every successful write is kept.
/// </summary>
internal sealed class FakeCloudStorage : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, StoredObject> objects = new(StringComparer.Ordinal);
    private readonly HashSet<string> buckets = new(StringComparer.Ordinal);
    private long nextGeneration = 1_767_225_600_000_000;
    private LoopbackWebApp? app;

    private FakeCloudStorage()
    {
    }

    public string BaseAddress => app!.BaseAddress + "/";

    /// <summary>Every successful upload: (time, bucket/name, generation, data).</summary>
    public List<(DateTimeOffset At, string Object, long Generation, string Data)> Uploads { get; } = [];

    /// <summary>Every request line, e.g. "POST /upload/storage/v1/b/b/o?uploadType=media&amp;...".</summary>
    public List<string> Requests { get; } = [];

    /// <summary>Authorization headers seen (none may arrive over plain http).</summary>
    public int AuthorizationHeaders { get; private set; }

    /// <summary>The next this many requests answer 503 backendError.</summary>
    public int FailNext { get; set; }

    public static async Task<FakeCloudStorage> StartAsync(params string[] bucketNames)
    {
        var storage = new FakeCloudStorage();
        foreach (var bucket in bucketNames)
        {
            storage.buckets.Add(bucket);
        }
        storage.app = await LoopbackWebApp.StartAsync(web => web.Run(storage.HandleAsync));
        return storage;
    }

    public (long Generation, string Data)? Object(string bucket, string name)
    {
        lock (gate)
        {
            return objects.TryGetValue(bucket + "/" + name, out var o) ? (o.Generation, o.Data) : null;
        }
    }

    public void Put(string bucket, string name, string data)
    {
        lock (gate)
        {
            objects[bucket + "/" + name] = new StoredObject(nextGeneration++, data, DateTimeOffset.UtcNow);
        }
    }

    public ValueTask DisposeAsync() => app?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        // The raw target: an object name is one path segment, its "/" sent as %2F.
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var path = raw.Split('?')[0];
        var query = context.Request.Query;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        (int Status, string Json, string Type) reply;
        lock (gate)
        {
            Requests.Add($"{context.Request.Method} {raw}");
            if (context.Request.Headers.Authorization.Count > 0)
            {
                AuthorizationHeaders++;
            }
            if (FailNext > 0)
            {
                FailNext--;
                reply = Error(503, "backendError", "Backend Error");
            }
            else
            {
                reply = Route(context.Request.Method, path, query, body, context.Request.ContentType);
            }
        }
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.Type;
        await context.Response.WriteAsync(reply.Json, context.RequestAborted);
    }

    private (int, string, string) Route(string method, string path, IQueryCollection query, string body, string? contentType)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (method == "POST" && segments is ["upload", "storage", "v1", "b", var uploadBucket, "o"])
        {
            return Upload(Uri.UnescapeDataString(uploadBucket), query, body, contentType);
        }
        if (method == "GET" && segments is ["storage", "v1", "b", var bucket, "o", var encodedName])
        {
            var name = Uri.UnescapeDataString(encodedName);
            if (!objects.TryGetValue(Uri.UnescapeDataString(bucket) + "/" + name, out var stored))
            {
                return NoSuchObject(bucket, name);
            }
            if (query["alt"] == "media")
            {
                if (query.TryGetValue("generation", out var wanted) && wanted != stored.Generation.ToString(CultureInfo.InvariantCulture))
                {
                    return NoSuchObject(bucket, name);
                }
                return (200, stored.Data, stored.ContentType);
            }
            return (200, Resource(Uri.UnescapeDataString(bucket), name, stored), "application/json; charset=UTF-8");
        }
        return Error(404, "notFound", $"Not Found: {method} {path}");
    }

    private (int, string, string) Upload(string bucket, IQueryCollection query, string body, string? contentType)
    {
        if (query["uploadType"] != "media")
        {
            return Error(400, "invalid", "This stand-in serves uploadType=media only.");
        }
        if (query["name"] is not { Count: 1 } names || string.IsNullOrEmpty(names[0]))
        {
            return Error(400, "required", "Required");
        }
        if (!buckets.Contains(bucket))
        {
            return Error(404, "notFound", "The specified bucket does not exist.");
        }
        var name = names[0]!;
        var key = bucket + "/" + name;
        objects.TryGetValue(key, out var current);
        if (query.TryGetValue("ifGenerationMatch", out var match))
        {
            var expected = long.Parse(match!, CultureInfo.InvariantCulture);
            if (expected == 0 ? current is not null : current?.Generation != expected)
            {
                return Error(412, "conditionNotMet", "At least one of the pre-conditions you specified did not hold.", precondition: true);
            }
        }
        var stored = new StoredObject(nextGeneration++, body, DateTimeOffset.UtcNow) { ContentType = contentType ?? "application/octet-stream" };
        objects[key] = stored;
        Uploads.Add((stored.Updated, key, stored.Generation, body));
        return (200, Resource(bucket, name, stored), "application/json; charset=UTF-8");
    }

    private static string Resource(string bucket, string name, StoredObject stored)
    {
        var generation = stored.Generation.ToString(CultureInfo.InvariantCulture);
        var updated = stored.Updated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["kind"] = "storage#object",
            ["id"] = $"{bucket}/{name}/{generation}",
            ["selfLink"] = $"https://www.googleapis.com/storage/v1/b/{bucket}/o/{Uri.EscapeDataString(name)}",
            ["mediaLink"] = $"https://storage.googleapis.com/download/storage/v1/b/{bucket}/o/{Uri.EscapeDataString(name)}?generation={generation}&alt=media",
            ["name"] = name,
            ["bucket"] = bucket,
            ["generation"] = generation,
            ["metageneration"] = "1",
            ["contentType"] = stored.ContentType,
            ["storageClass"] = "STANDARD",
            ["size"] = System.Text.Encoding.UTF8.GetByteCount(stored.Data).ToString(CultureInfo.InvariantCulture),
            ["etag"] = Convert.ToBase64String(BitConverter.GetBytes(stored.Generation)),
            ["timeCreated"] = updated,
            ["updated"] = updated,
        });
    }

    private static (int, string, string) NoSuchObject(string bucket, string name) =>
        Error(404, "notFound", $"No such object: {Uri.UnescapeDataString(bucket)}/{name}");

    private static (int, string, string) Error(int code, string reason, string message, bool precondition = false)
    {
        var detail = new Dictionary<string, string> { ["message"] = message, ["domain"] = "global", ["reason"] = reason };
        if (precondition)
        {
            detail["locationType"] = "header";
            detail["location"] = "If-Match";
        }
        var json = JsonSerializer.Serialize(new { error = new { code, message, errors = new[] { detail } } });
        return (code, json, "application/json; charset=UTF-8");
    }

    private sealed record StoredObject(long Generation, string Data, DateTimeOffset Updated)
    {
        public string ContentType { get; init; } = "application/json";
    }
}
