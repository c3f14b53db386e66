using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crema.Tests.Leadership;

/// <summary>
/// A loopback stand-in of the Kubernetes API server's coordination.k8s.io/v1 Lease endpoints with its optimistic
/// concurrency: every write gets a new resourceVersion; a PUT whose metadata.resourceVersion is not the current one
/// answers 409 Conflict, a POST of an existing Lease 409 AlreadyExists, a missing Lease 404 NotFound, each as a
/// v1 Status object with the API server's own messages.
/// </summary>
internal sealed class FakeKubernetesLeases : IAsyncDisposable
{
    private const string Prefix = "/apis/coordination.k8s.io/v1/namespaces/";
    private readonly Lock gate = new();
    private readonly Dictionary<string, JsonObject> leases = new(StringComparer.Ordinal);
    private long resourceVersion = 4711;
    private LoopbackWebApp? app;

    public string BaseAddress => app!.BaseAddress;

    /// <summary>Every request line and its Authorization header.</summary>
    public List<(string Line, string? Authorization)> Requests { get; } = [];

    /// <summary>When set, every request answers 403 Forbidden for this service account.</summary>
    public string? ForbiddenFor { get; set; }

    public static async Task<FakeKubernetesLeases> StartAsync()
    {
        var fake = new FakeKubernetesLeases();
        fake.app = await LoopbackWebApp.StartAsync(web => web.Run(fake.HandleAsync));
        return fake;
    }

    public JsonObject? Lease(string ns, string name)
    {
        lock (gate)
        {
            return leases.TryGetValue(ns + "/" + name, out var lease) ? (JsonObject)lease.DeepClone() : null;
        }
    }

    public ValueTask DisposeAsync() => app?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = context.Request.Path.Value ?? string.Empty;
        (int Status, string Json) reply;
        lock (gate)
        {
            Requests.Add(($"{context.Request.Method} {path}", context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null));
            reply = Route(context.Request.Method, path, body);
        }
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Json, context.RequestAborted);
    }

    private (int, string) Route(string method, string path, string body)
    {
        var parts = path.StartsWith(Prefix, StringComparison.Ordinal) ? path[Prefix.Length..].Split('/') : [];
        if (parts is not ([_, "leases"] or [_, "leases", _]))
        {
            return Status(404, "NotFound", "the server could not find the requested resource", null);
        }
        var ns = parts[0];
        var name = parts.Length == 3 ? parts[2] : null;
        if (ForbiddenFor is { } account)
        {
            return Status(403, "Forbidden",
                $"leases.coordination.k8s.io \"{name}\" is forbidden: User \"{account}\" cannot {Verb(method)} resource \"leases\" in API group \"coordination.k8s.io\" in the namespace \"{ns}\"", name);
        }
        switch (method)
        {
            case "GET" when name is not null:
                return leases.TryGetValue(ns + "/" + name, out var found) ? (200, found.ToJsonString()) : NotFound(name);
            case "POST" when name is null:
                var created = JsonNode.Parse(body)!.AsObject();
                if (BadMicroTime(created) is { } badCreate)
                {
                    return badCreate;
                }
                var createdName = created["metadata"]?["name"]?.GetValue<string>() ?? string.Empty;
                if (leases.ContainsKey(ns + "/" + createdName))
                {
                    return Status(409, "AlreadyExists", $"leases.coordination.k8s.io \"{createdName}\" already exists", createdName);
                }
                Stamp(created, ns, createdName, uid: Guid.NewGuid().ToString());
                leases[ns + "/" + createdName] = created;
                return (201, created.ToJsonString());
            case "PUT" when name is not null:
                if (!leases.TryGetValue(ns + "/" + name, out var current))
                {
                    return NotFound(name);
                }
                var replaced = JsonNode.Parse(body)!.AsObject();
                if (BadMicroTime(replaced) is { } badReplace)
                {
                    return badReplace;
                }
                if (replaced["metadata"]?["name"]?.GetValue<string>() != name)
                {
                    return Status(400, "BadRequest", "the name of the object does not match the name on the URL", name);
                }
                var sent = replaced["metadata"]?["resourceVersion"]?.GetValue<string>();
                if (!string.IsNullOrEmpty(sent) && sent != current["metadata"]!["resourceVersion"]!.GetValue<string>())
                {
                    return Status(409, "Conflict",
                        $"Operation cannot be fulfilled on leases.coordination.k8s.io \"{name}\": the object has been modified; please apply your changes to the latest version and try again", name);
                }
                Stamp(replaced, ns, name, current["metadata"]!["uid"]!.GetValue<string>(), current["metadata"]!["creationTimestamp"]!.GetValue<string>());
                leases[ns + "/" + name] = replaced;
                return (200, replaced.ToJsonString());
            default:
                return Status(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource", name);
        }
    }

    private void Stamp(JsonObject lease, string ns, string name, string uid, string? created = null)
    {
        lease["apiVersion"] = "coordination.k8s.io/v1";
        lease["kind"] = "Lease";
        var metadata = lease["metadata"] as JsonObject ?? [];
        lease["metadata"] = metadata;
        metadata["name"] = name;
        metadata["namespace"] = ns;
        metadata["uid"] = uid;
        metadata["resourceVersion"] = (++resourceVersion).ToString(CultureInfo.InvariantCulture);
        metadata["creationTimestamp"] = created ?? DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>The API server decodes MicroTime with Go's time.Parse("2006-01-02T15:04:05.000000Z07:00"): six digits, no fewer.</summary>
    private static (int, string)? BadMicroTime(JsonObject lease)
    {
        foreach (var field in new[] { "acquireTime", "renewTime" })
        {
            if (lease["spec"]?[field]?.GetValue<string>() is { } text
                && !System.Text.RegularExpressions.Regex.IsMatch(text, @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}(Z|[+-]\d\d:\d\d)$"))
            {
                return Status(400, "BadRequest", $"Lease in version \"v1\" cannot be handled as a Lease: parsing time \"{text}\" as \"2006-01-02T15:04:05.000000Z07:00\": cannot parse", lease["metadata"]?["name"]?.GetValue<string>());
            }
        }
        return null;
    }

    private static string Verb(string method) => method switch { "POST" => "create", "PUT" => "update", _ => "get" };

    private static (int, string) NotFound(string name) => Status(404, "NotFound", $"leases.coordination.k8s.io \"{name}\" not found", name);

    private static (int, string) Status(int code, string reason, string message, string? name) => (code, JsonSerializer.Serialize(new
    {
        kind = "Status",
        apiVersion = "v1",
        metadata = new { },
        status = "Failure",
        message,
        reason,
        details = new { name, group = "coordination.k8s.io", kind = "leases" },
        code,
    }));
}
