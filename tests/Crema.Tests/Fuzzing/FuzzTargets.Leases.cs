using Crema.Google.Storage;
using Crema.Host.Leadership;
using k8s;

namespace Crema.Tests.Fuzzing;

internal static partial class FuzzTargets
{
    private static readonly HttpClient LeaseHttp = new();

    /// <summary>objects.get metadata, then the object's data (the lease record), through the real Cloud Storage client and lease store.</summary>
    private static FuzzTarget CloudStorageLease()
    {
        var metadata = FuzzReply.Write(200, """{"kind":"storage#object","bucket":"b","name":"crema-leader","generation":"1712345678901234","metageneration":"1","updated":"2026-12-07T14:00:00.123Z"}""", ("Content-Type", "application/json"));
        string[] seeds =
        [
            metadata + FuzzReply.Separator + FuzzReply.Write(200, """{"holderIdentity":"crema-7d9f-abc","leaseDurationSeconds":15,"acquireTime":"2026-12-07T13:59:00.000000Z","renewTime":"2026-12-07T14:00:05.123456Z","leaseTransitions":3}"""),
            metadata + FuzzReply.Separator + FuzzReply.Write(404, """{"error":{"code":404,"message":"No such object: b/crema-leader"}}"""),
            FuzzReply.Write(403, """{"error":{"code":403,"message":"crema@p.iam.gserviceaccount.com does not have storage.objects.get access","status":"PERMISSION_DENIED"}}"""),
            FuzzReply.Write(404, """{"error":{"code":404,"message":"No such object: b/crema-leader","errors":[{"reason":"notFound"}]}}"""),
            FuzzReply.Write(503, "Service Unavailable"),
        ];
        string[] words = ["generation", "holderIdentity", "renewTime", "leaseDurationSeconds", "\\ud800", "\\u001b", "9223372036854775808", "2026-12-07T14:00:05Z"];
        return new FuzzTarget("lease-cloud-storage", FuzzInputs.Mutated(seeds, [.. HttpTokens, .. words, .. FuzzInputs.EdgeNumbers, "{", "}", "\"", ","]), text =>
        {
            FuzzReplyServer.Shared.Serve(text);
            var client = new CloudStorageClient(LeaseHttp, new Uri(FuzzReplyServer.Shared.BaseAddress), null, TimeProvider.System);
            var result = new CloudStorageLeaseStore(client, "b", "crema-leader").ReadAsync(CancellationToken.None).GetAwaiter().GetResult();
            return LeaseProblem(result);
        });
    }

    /// <summary>coordination.k8s.io/v1 Lease replies and Status errors through KubernetesClient and the lease store.</summary>
    private static FuzzTarget KubernetesLease()
    {
        const string Json = "application/json";
        string[] seeds =
        [
            FuzzReply.Write(200, """{"kind":"Lease","apiVersion":"coordination.k8s.io/v1","metadata":{"name":"crema-leader","namespace":"crema","uid":"5d3c","resourceVersion":"4711","labels":{"app.kubernetes.io/managed-by":"crema"}},"spec":{"holderIdentity":"crema-0","leaseDurationSeconds":15,"acquireTime":"2026-12-07T13:59:00.000000Z","renewTime":"2026-12-07T14:00:05.123456Z","leaseTransitions":2}}""", ("Content-Type", Json)),
            FuzzReply.Write(404, """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"leases.coordination.k8s.io \"crema-leader\" not found","reason":"NotFound","details":{"name":"crema-leader","group":"coordination.k8s.io","kind":"leases"},"code":404}""", ("Content-Type", Json)),
            FuzzReply.Write(403, """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"leases.coordination.k8s.io is forbidden: User \"system:serviceaccount:crema:crema\" cannot get resource \u001b[2J","reason":"Forbidden","code":403}""", ("Content-Type", Json)),
            FuzzReply.Write(200, """{"kind":"Lease","spec":{}}"""),
        ];
        string[] words = ["spec", "metadata", "resourceVersion", "holderIdentity", "renewTime", "acquireTime", "leaseDurationSeconds", "message", "reason", "\\ud800", "\\u001b[2J", "2147483648", "2026-12-07T14:00:05Z"];
        var store = new Lazy<KubernetesLeaseStore>(() =>
            new KubernetesLeaseStore(new Kubernetes(new KubernetesClientConfiguration { Host = FuzzReplyServer.Shared.BaseAddress }), "crema", "crema-leader"));
        return new FuzzTarget("lease-kubernetes", FuzzInputs.Mutated(seeds, [.. HttpTokens, .. words, .. FuzzInputs.EdgeNumbers, "{", "}", "\"", ","]), text =>
        {
            FuzzReplyServer.Shared.Serve(text);
            return LeaseProblem(store.Value.ReadAsync(CancellationToken.None).GetAwaiter().GetResult());
        });
    }

    // A lease store never throws: a reply it cannot use is a failed result whose error is safe to log and show.
    private static string? LeaseProblem(LeaseStoreResult result) => result.Outcome == LeaseStoreOutcome.Ok
        ? (result.Lease is null ? "Ok without a lease" : null)
        : result.Error is null ? $"{result.Outcome} without an error" : Clean(result.Error, "the lease store error");
}
