using System.Net;
using System.Text.Json;
using Crema.Host.Daemon;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Crema.Host.Leadership;

/// <summary>
/// The lease as a coordination.k8s.io/v1 Lease. The version is its resourceVersion: an update sends the one it
/// read and the API server answers 409 Conflict when the Lease changed since; a create of an existing Lease
/// answers 409 AlreadyExists. An update replaces the Lease last seen, so labels and annotations others put on
/// it stay.
/// </summary>
internal sealed class KubernetesLeaseStore(IKubernetes client, string @namespace, string name) : ILeaseStore
{
    private V1Lease? last;

    public string Description => $"k8s://{@namespace}/{name}";

    public Task<LeaseStoreResult> ReadAsync(CancellationToken cancellationToken) =>
        CallAsync("reading", () => client.CoordinationV1.ReadNamespacedLeaseAsync(name, @namespace, cancellationToken: cancellationToken), cancellationToken);

    public Task<LeaseStoreResult> CreateAsync(LeaseRecord record, CancellationToken cancellationToken)
    {
        var lease = new V1Lease
        {
            ApiVersion = "coordination.k8s.io/v1",
            Kind = "Lease",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = @namespace,
                Labels = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "crema" },
            },
            Spec = Spec(record),
        };
        return CallAsync("creating", () => client.CoordinationV1.CreateNamespacedLeaseAsync(lease, @namespace, cancellationToken: cancellationToken), cancellationToken);
    }

    public Task<LeaseStoreResult> UpdateAsync(LeaseRecord record, string version, CancellationToken cancellationToken)
    {
        var metadata = last?.Metadata is { } seen
            ? new V1ObjectMeta { Name = name, NamespaceProperty = @namespace, Labels = seen.Labels, Annotations = seen.Annotations, Uid = seen.Uid }
            : new V1ObjectMeta { Name = name, NamespaceProperty = @namespace };
        metadata.ResourceVersion = version;
        var lease = new V1Lease { ApiVersion = "coordination.k8s.io/v1", Kind = "Lease", Metadata = metadata, Spec = Spec(record) };
        return CallAsync("updating", () => client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, name, @namespace, cancellationToken: cancellationToken), cancellationToken);
    }

    private async Task<LeaseStoreResult> CallAsync(string action, Func<Task<V1Lease>> call, CancellationToken cancellationToken)
    {
        try
        {
            var lease = await call().ConfigureAwait(false);
            last = lease;
            return LeaseStoreResult.Ok(new LeaseSnapshot(RecordOf(lease.Spec), lease.Metadata?.ResourceVersion ?? string.Empty));
        }
        catch (HttpOperationException e)
        {
            var outcome = e.Response.StatusCode switch
            {
                HttpStatusCode.NotFound => LeaseStoreOutcome.NotFound,
                HttpStatusCode.Conflict => LeaseStoreOutcome.Conflict,
                _ => LeaseStoreOutcome.Failed,
            };
            return LeaseStoreResult.Fail(outcome, $"{action} Lease {Description}: HTTP {(int)e.Response.StatusCode} {StatusMessage(e.Response.Content)}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Transport errors, timeouts (HttpClient's own), kubeconfig credential plugins failing.
            return LeaseStoreResult.Fail(LeaseStoreOutcome.Failed, $"{action} Lease {Description}: {ErrorText.Of(e)}");
        }
    }

    private static V1LeaseSpec Spec(LeaseRecord record) => new()
    {
        HolderIdentity = string.IsNullOrEmpty(record.HolderIdentity) ? null : record.HolderIdentity,
        LeaseDurationSeconds = record.LeaseDurationSeconds,
        AcquireTime = MicroTime(record.AcquireTime),
        RenewTime = MicroTime(record.RenewTime),
        LeaseTransitions = record.LeaseTransitions,
    };

    private static LeaseRecord RecordOf(V1LeaseSpec? spec) => new(
        spec?.HolderIdentity,
        spec?.LeaseDurationSeconds ?? 0,
        Utc(spec?.AcquireTime),
        Utc(spec?.RenewTime),
        spec?.LeaseTransitions ?? 0);

    /// <summary>
    /// The API server parses MicroTime strictly as RFC 3339 with exactly six fraction digits, but KubernetesClient
    /// writes a whole second without any ("12:00:05Z"), which the server rejects: such a time is sent 1 µs later.
    /// </summary>
    private static DateTime? MicroTime(DateTimeOffset? value)
    {
        if (value is not { } at)
        {
            return null;
        }
        var utc = at.UtcDateTime;
        var micro = new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
        return micro.Ticks % TimeSpan.TicksPerSecond == 0 ? micro.AddTicks(10) : micro;
    }

    // MicroTime is UTC on the wire ("...Z"); a value the client left unspecified is UTC too, never local time.
    private static DateTimeOffset? Utc(DateTime? value) => value is { } at
        ? new DateTimeOffset(at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : DateTime.SpecifyKind(at, DateTimeKind.Utc))
        : null;

    /// <summary>
    /// The message of the API server's Status body ("leases.coordination.k8s.io \"crema\" is forbidden: ..."), escaped for one
    /// log line, else the status alone.
    /// </summary>
    private static string StatusMessage(string? content)
    {
        try
        {
            using var document = JsonDocument.Parse(content ?? string.Empty);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                var reason = document.RootElement.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() + ": " : string.Empty;
                var text = reason + message.GetString();
                return Crema.Abstractions.UntrustedText.Escape(text.Length > 300 ? text[..300] + "..." : text);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string holding a lone surrogate escape ("\ud800") has no text.
            // Not a Status object: the HTTP status says enough.
        }
        return "(no Status body)";
    }
}
