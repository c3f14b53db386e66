using System.Globalization;
using System.Text;
using System.Text.Json;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Crema.Tests.Scalers.Gcp.Storage;

/// <summary>
/// A loopback stand-in of the Cloud Storage JSON API <c>objects.list</c>
/// (<c>GET /storage/v1/b/BUCKET/o?prefix=&amp;delimiter=&amp;maxResults=&amp;pageToken=</c>) with the real semantics and
/// shape: objects in lexicographic order, <c>kind: storage#objects</c>, <c>items[]</c> object resources (int64 fields as
/// strings), <c>prefixes[]</c> for a delimited listing (maxResults bounds items and prefixes together), an opaque
/// <c>nextPageToken</c>; 404 notFound for a missing bucket and 403 forbidden for a denied one, in Google's error shape.
/// </summary>
internal sealed class FakeObjectsList : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, SortedDictionary<string, long>> buckets = new(StringComparer.Ordinal);
    private readonly HashSet<string> denied = new(StringComparer.Ordinal);
    private LoopbackWebApp? app;

    /// <summary>For example http://127.0.0.1:41234/ (with the trailing slash, as CREMA_STORAGE_ENDPOINT takes it).</summary>
    public string BaseAddress => app!.BaseAddress + "/";

    /// <summary>Every request: path, query and the Authorization header (null when none).</summary>
    public List<(string Path, IReadOnlyDictionary<string, string> Query, string? Authorization)> Requests { get; } = [];

    /// <summary>When set, a 403 body quotes the request's Authorization header (a careless proxy), to prove errors redact it.</summary>
    public bool EchoAuthorizationInErrors { get; set; }

    public static async Task<FakeObjectsList> StartAsync()
    {
        var fake = new FakeObjectsList();
        fake.app = await LoopbackWebApp.StartAsync(web => web.Run(fake.HandleAsync));
        return fake;
    }

    /// <summary>Creates the bucket (if needed) and puts objects of the given sizes.</summary>
    public void Put(string bucket, params (string Name, long Size)[] objects)
    {
        lock (gate)
        {
            var bucketObjects = Bucket(bucket);
            foreach (var (name, size) in objects)
            {
                bucketObjects[name] = size;
            }
        }
    }

    /// <summary>Puts <paramref name="count"/> objects named PREFIX00000... of 100 bytes each.</summary>
    public void PutMany(string bucket, string prefix, int count) =>
        Put(bucket, [.. Enumerable.Range(0, count).Select(i => (prefix + i.ToString("D5", CultureInfo.InvariantCulture), 100L))]);

    /// <summary>Empties the bucket (it still exists).</summary>
    public void Clear(string bucket)
    {
        lock (gate)
        {
            Bucket(bucket).Clear();
        }
    }

    /// <summary>Listing this bucket answers 403 from now on.</summary>
    public void Deny(string bucket)
    {
        lock (gate)
        {
            denied.Add(bucket);
        }
    }

    public ValueTask DisposeAsync() => app?.DisposeAsync() ?? ValueTask.CompletedTask;

    private SortedDictionary<string, long> Bucket(string bucket)
    {
        if (!buckets.TryGetValue(bucket, out var objects))
        {
            objects = new SortedDictionary<string, long>(StringComparer.Ordinal);
            buckets[bucket] = objects;
        }
        return objects;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var authorization = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null;
        (int Status, string Json) reply;
        lock (gate)
        {
            // Copied: the request's own collections are reused once it completes.
            Requests.Add((request.Path.Value ?? "", request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal), authorization));
            var segments = (request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
            reply = request.Method == "GET" && segments is ["storage", "v1", "b", var bucket, "o"]
                ? List(Uri.UnescapeDataString(bucket), request.Query, authorization)
                : Error(404, "notFound", $"Not Found: {request.Method} {request.Path}");
        }
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.WriteAsync(reply.Json, context.RequestAborted);
    }

    private (int, string) List(string bucket, IQueryCollection query, string? authorization)
    {
        if (denied.Contains(bucket))
        {
            var who = EchoAuthorizationInErrors ? $"The caller ({authorization})" : "scaler@my-proj.iam.gserviceaccount.com";
            return Error(403, "forbidden",
                $"{who} does not have storage.objects.list access to the Google Cloud Storage bucket. Permission 'storage.objects.list' denied on resource (or it may not exist).");
        }
        if (!buckets.TryGetValue(bucket, out var objects))
        {
            return Error(404, "notFound", "The specified bucket does not exist.");
        }
        var prefix = query["prefix"].ToString();
        var delimiter = query["delimiter"].ToString();
        var max = int.TryParse(query["maxResults"], CultureInfo.InvariantCulture, out var m) && m is > 0 and <= 1000 ? m : 1000;
        var after = query["pageToken"].Count > 0 ? Encoding.UTF8.GetString(Convert.FromBase64String(query["pageToken"]!)) : null;

        var items = new List<Dictionary<string, string>>();
        var prefixes = new List<string>();
        string? last = null;
        var more = false;
        foreach (var (name, size) in objects)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || (after is not null && string.CompareOrdinal(name, after) <= 0))
            {
                continue;
            }
            var cut = delimiter.Length > 0 ? name.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal) : -1;
            var entry = cut >= 0 ? name[..(cut + delimiter.Length)] : name;
            if (cut >= 0 && prefixes.Contains(entry))
            {
                last = name;
                continue;
            }
            if (items.Count + prefixes.Count == max)
            {
                more = true;
                break;
            }
            if (cut >= 0)
            {
                prefixes.Add(entry);
            }
            else
            {
                items.Add(Resource(bucket, name, size));
            }
            last = name;
        }
        var page = new Dictionary<string, object> { ["kind"] = "storage#objects" };
        if (more && last is not null)
        {
            page["nextPageToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(last));
        }
        if (prefixes.Count > 0)
        {
            page["prefixes"] = prefixes;
        }
        if (items.Count > 0)
        {
            page["items"] = items;
        }
        return (200, JsonSerializer.Serialize(page));
    }

    private static Dictionary<string, string> Resource(string bucket, string name, long size) => new()
    {
        ["kind"] = "storage#object",
        ["id"] = $"{bucket}/{name}/1767225600000000",
        ["selfLink"] = $"https://www.googleapis.com/storage/v1/b/{bucket}/o/{Uri.EscapeDataString(name)}",
        ["name"] = name,
        ["bucket"] = bucket,
        ["generation"] = "1767225600000000",
        ["metageneration"] = "1",
        ["contentType"] = size == 0 ? "application/x-directory" : "application/octet-stream",
        ["storageClass"] = "STANDARD",
        ["size"] = size.ToString(CultureInfo.InvariantCulture),
        ["timeCreated"] = "2026-01-01T00:00:00.000Z",
        ["updated"] = "2026-01-01T00:00:00.000Z",
    };

    private static (int, string) Error(int code, string reason, string message) =>
        (code, JsonSerializer.Serialize(new
        {
            error = new { code, message, errors = new[] { new { message, domain = "global", reason } } },
        }));
}
