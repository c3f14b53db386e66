using Crema.Host.Leadership;
using Crema.Tests.Cli;

namespace Crema.Tests.Leadership;

/// <summary>`crema run --lease ...`: each bad value is one clear line and exit 1 before anything starts.</summary>
public sealed class LeaseArgumentsTests
{
    private const string Yaml = """
        apiVersion: crema/v1
        kind: CremaConfig
        spec:
          scaledObjects:
            - spec:
                scaleTargetRef: {name: projects/my-project/locations/us-central1/workerPools/pool}
                triggers:
                  - type: prometheus
                    metadata: {serverAddress: "http://127.0.0.1:9", query: up, threshold: "1"}
        """;

    [Theory]
    [InlineData("s3://bucket/lease", "--lease: \"s3://bucket/lease\" is not gs://BUCKET/OBJECT (a Cloud Storage object) or k8s://NAMESPACE/NAME (a Kubernetes Lease)")]
    [InlineData("gs://Bucket/lease", "--lease: \"gs://Bucket/lease\": \"Bucket\" is not a Cloud Storage bucket name (3 to 222 characters: a-z, 0-9, -, _ and .)")]
    [InlineData("gs://acme-crema", "--lease: \"gs://acme-crema\": give the object name after the bucket, e.g. gs://acme-crema/crema-leader")]
    [InlineData("k8s://Crema/leader", "--lease: \"k8s://Crema/leader\": \"Crema\" is not a Kubernetes namespace (a DNS label: a-z, 0-9 and -, at most 63 characters)")]
    [InlineData("k8s://crema/", "--lease: \"k8s://crema/\": \"\" is not a Kubernetes object name (a-z, 0-9, - and ., at most 253 characters), e.g. k8s://crema/crema")]
    public async Task Run_BadLease_ExitsOneSayingWhatIsExpected(string lease, string message)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["CREMA_CONFIG_YAML"] = Yaml }, "run", "--lease", lease);

        run.ExitCode.ShouldBe(1);
        run.ErrorLines.ShouldBe([message]);
    }

    [Fact]
    public async Task Run_LeaseDurationOutOfRange_ExitsOne()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["CREMA_CONFIG_YAML"] = Yaml }, "run", "--lease", "gs://acme-crema/leader", "--lease-duration", "2");

        run.ExitCode.ShouldBe(1);
        run.ErrorLines.ShouldBe(["--lease-duration: 2 is outside 3 to 3600 seconds"]);
    }

    [Fact]
    public async Task Run_LeaseDurationVariableNotANumber_ExitsOneNamingTheVariable()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string>
        {
            ["CREMA_CONFIG_YAML"] = Yaml,
            ["CREMA_LEASE"] = "gs://acme-crema/leader",
            ["CREMA_LEASE_DURATION"] = "15s",
        }, "run");

        run.ExitCode.ShouldBe(1);
        run.ErrorLines.ShouldBe(["CREMA_LEASE_DURATION: \"15s\" is not a whole number of seconds"]);
    }

    [Fact]
    public async Task Run_KubernetesLeaseWithoutCredentials_ExitsTwoSayingWhatIsMissing()
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), "crema-absent", "kubeconfig");

        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["CREMA_CONFIG_YAML"] = Yaml, ["KUBECONFIG"] = kubeconfig }, "run", "--lease", "k8s://crema/crema");

        run.ExitCode.ShouldBe(2);
        run.ErrorLines.ShouldBe([$"--lease: a k8s:// lease needs Kubernetes credentials: not in a pod (no KUBERNETES_SERVICE_HOST with a service account token) and no kubeconfig at {kubeconfig} (set KUBECONFIG)"]);
    }

    [Theory]
    [InlineData("gs://acme-crema/leases/crema", "CloudStorage", "acme-crema", "leases/crema")]
    [InlineData("k8s://crema-system/crema.leader", "Kubernetes", "crema-system", "crema.leader")]
    public void TryParse_ValidLocation_KeepsItsParts(string text, string kind, string container, string name)
    {
        LeaseLocation.TryParse(text, out var location, out var error).ShouldBeTrue(error);

        location.ShouldBe(new LeaseLocation(Enum.Parse<LeaseStoreKind>(kind), container, name));
        location!.ToString().ShouldBe(text);
    }

    [Fact]
    public void Timings_FollowFromTheDuration()
    {
        var options = new LeaseOptions { Location = new LeaseLocation(LeaseStoreKind.CloudStorage, "b", "o") };

        options.Duration.ShouldBe(TimeSpan.FromSeconds(15));
        options.RenewInterval.ShouldBe(TimeSpan.FromSeconds(5));
        options.RenewDeadline.ShouldBe(TimeSpan.FromSeconds(10));
        options.RetryPeriod.ShouldBe(TimeSpan.FromSeconds(2));
        options.CallTimeout.ShouldBe(TimeSpan.FromSeconds(3));
    }
}
