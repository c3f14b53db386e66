using Crema.Host.Leadership;
using k8s;

namespace Crema.Tests.Leadership;

/// <summary>The k8s:// lease store through KubernetesClient against the Lease API stand-in.</summary>
public sealed class KubernetesLeaseStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Create_Read_Update_UseResourceVersionAndTheLeaseSpecFields()
    {
        await using var api = await FakeKubernetesLeases.StartAsync();
        var store = Store(api);

        (await store.ReadAsync(CancellationToken.None)).Outcome.ShouldBe(LeaseStoreOutcome.NotFound);
        var created = await store.CreateAsync(new LeaseRecord("crema-7d9f-abcde", 15, At, At, 0), CancellationToken.None);
        var renewed = await store.UpdateAsync(new LeaseRecord("crema-7d9f-abcde", 15, At, At.AddSeconds(5), 0), created.Lease!.Version, CancellationToken.None);

        created.Outcome.ShouldBe(LeaseStoreOutcome.Ok);
        renewed.Outcome.ShouldBe(LeaseStoreOutcome.Ok);
        renewed.Lease!.Version.ShouldNotBe(created.Lease.Version);
        var lease = api.Lease("crema", "crema-leader")!;
        lease["spec"]!["holderIdentity"]!.GetValue<string>().ShouldBe("crema-7d9f-abcde");
        lease["spec"]!["leaseDurationSeconds"]!.GetValue<int>().ShouldBe(15);
        // A whole second goes out 1 µs later: the API server rejects MicroTime without six fraction digits.
        lease["spec"]!["renewTime"]!.GetValue<string>().ShouldBe("2026-03-01T12:00:05.000001Z");
        lease["spec"]!["leaseTransitions"]!.GetValue<int>().ShouldBe(0);
        lease["metadata"]!["labels"]!["app.kubernetes.io/managed-by"]!.GetValue<string>().ShouldBe("crema");
        var read = await Store(api).ReadAsync(CancellationToken.None);
        read.Lease.ShouldBe(new LeaseSnapshot(new LeaseRecord("crema-7d9f-abcde", 15, At.AddTicks(10), At.AddSeconds(5).AddTicks(10), 0), renewed.Lease.Version));
    }

    [Fact]
    public async Task Update_StaleResourceVersion_Conflict_AndCreateOfAnExistingLease_Conflict()
    {
        await using var api = await FakeKubernetesLeases.StartAsync();
        var a = Store(api);
        var b = Store(api);
        var created = await a.CreateAsync(new LeaseRecord("a", 15, At, At, 0), CancellationToken.None);
        await a.UpdateAsync(new LeaseRecord("a", 15, At, At.AddSeconds(5), 0), created.Lease!.Version, CancellationToken.None);

        var stale = await b.UpdateAsync(new LeaseRecord("b", 15, At, At, 1), created.Lease.Version, CancellationToken.None);
        var again = await b.CreateAsync(new LeaseRecord("b", 15, At, At, 0), CancellationToken.None);

        stale.Outcome.ShouldBe(LeaseStoreOutcome.Conflict);
        stale.Error.ShouldBe("updating Lease k8s://crema/crema-leader: HTTP 409 Conflict: Operation cannot be fulfilled on leases.coordination.k8s.io \"crema-leader\": the object has been modified; please apply your changes to the latest version and try again");
        again.Outcome.ShouldBe(LeaseStoreOutcome.Conflict);
        api.Lease("crema", "crema-leader")!["spec"]!["holderIdentity"]!.GetValue<string>().ShouldBe("a");
    }

    [Fact]
    public async Task Read_Forbidden_FailedWithTheApiServersMessage()
    {
        await using var api = await FakeKubernetesLeases.StartAsync();
        api.ForbiddenFor = "system:serviceaccount:crema:crema";

        var read = await Store(api).ReadAsync(CancellationToken.None);

        read.Outcome.ShouldBe(LeaseStoreOutcome.Failed);
        read.Error!.ShouldContain("HTTP 403 Forbidden: leases.coordination.k8s.io \"crema-leader\" is forbidden: User \"system:serviceaccount:crema:crema\" cannot get resource \"leases\"");
    }

    [Fact]
    public async Task KubernetesConfig_Kubeconfig_IsUsedOutsideACluster()
    {
        await using var api = await FakeKubernetesLeases.StartAsync();
        var directory = Directory.CreateTempSubdirectory("crema-kube-").FullName;
        try
        {
            var path = Path.Combine(directory, "config");
            await File.WriteAllTextAsync(path, $"""
                apiVersion: v1
                kind: Config
                clusters:
                  - name: local
                    cluster: {"{"}server: "{api.BaseAddress}"{"}"}
                users:
                  - name: dev
                    user: {"{"}token: dev-token{"}"}
                contexts:
                  - name: local
                    context: {"{"}cluster: local, user: dev, namespace: crema{"}"}
                current-context: local
                """);
            var config = LeaseStores.KubernetesConfig(name => name == "KUBECONFIG" ? path : null);
            var store = new KubernetesLeaseStore(new Kubernetes(config), "crema", "crema-leader");

            (await store.CreateAsync(new LeaseRecord("dev", 15, At, At, 0), CancellationToken.None)).Outcome.ShouldBe(LeaseStoreOutcome.Ok);

            api.Requests.Single().Line.ShouldBe("POST /apis/coordination.k8s.io/v1/namespaces/crema/leases");
            api.Requests.Single().Authorization.ShouldBe("Bearer dev-token");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void KubernetesConfig_NoClusterNoKubeconfig_SaysWhatIsMissing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "crema-no-such-dir", "config");

        var error = Should.Throw<InvalidOperationException>(() => LeaseStores.KubernetesConfig(name => name == "KUBECONFIG" ? missing : null));

        error.Message.ShouldBe($"a k8s:// lease needs Kubernetes credentials: not in a pod (no KUBERNETES_SERVICE_HOST with a service account token) and no kubeconfig at {missing} (set KUBECONFIG)");
    }

    private static KubernetesLeaseStore Store(FakeKubernetesLeases api) =>
        new(new Kubernetes(new KubernetesClientConfiguration { Host = api.BaseAddress }), "crema", "crema-leader");
}
