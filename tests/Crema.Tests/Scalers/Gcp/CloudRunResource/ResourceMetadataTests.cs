using Crema.Abstractions;
using Crema.Scalers.Gcp.CloudRunResource;

namespace Crema.Tests.Scalers.Gcp.CloudRunResource;

/// <summary>
/// Binding of cpu/memory metadata, with KEDA's TestCPUMemoryParseMetadata cases (cpu_memory_scaler_test.go). The
/// metricType cases that KEDA's scaler rejects (none, Value) are the config validator's, so they are in
/// ResourceTriggerRuleTests; KEDA's AverageValue case succeeds there and is refused here by that validator too
/// (Cloud Monitoring has utilization only).
/// </summary>
public sealed class ResourceMetadataTests
{
    private const string Pool = "projects/my-proj/locations/europe-west1/workerPools/orders";

    private static (ResourceMetadata Metadata, IReadOnlyList<MetadataError> Errors) Bind(
        string type, Dictionary<string, string> metadata, MetricType metricType = MetricType.Utilization, string? target = Pool) =>
        ResourceScalerFactory.All.Single(f => f.Type == type).BindForTest(
            GcpTestContext.Create(type, metadata) with { MetricType = metricType, ScaleTargetName = target });

    public static TheoryData<Dictionary<string, string>, MetricType, string?> KedaCases => new()
    {
        // {"", {}, true}: no metricType is the validator's error; value missing is also reported here.
        { new(), MetricType.AverageValue, "value: is required" },
        // {Utilization, {value: 50}, false}
        { new() { ["value"] = "50" }, MetricType.Utilization, null },
        // {"", {value: ""}, true}: blank is absent.
        { new() { ["value"] = "" }, MetricType.Utilization, "value: is required" },
        { new() { ["value"] = "50" , ["type"] = "Utilization" }, MetricType.Utilization, "type: is no longer supported: KEDA removed it in v2.18; set the trigger's metricType: Utilization instead" },
        { new() { ["value"] = "50.5" }, MetricType.Utilization, "value: \"50.5\" is not an integer" },
        { new() { ["value"] = "0" }, MetricType.Utilization, "value: must be >= 1, found 0" },
        { new() { ["value"] = "3000000000" }, MetricType.Utilization, "value: must be <= 2147483647, found 3000000000" },
        { new() { ["value"] = "50", ["containerName"] = "foo" }, MetricType.Utilization, "containerName: cannot select container \"foo\"" },
        // KEDA's docs write containerName: "" for "whole pod": blank is absent here too.
        { new() { ["value"] = "60", ["containerName"] = "" }, MetricType.Utilization, null },
    };

    [Theory]
    [MemberData(nameof(KedaCases))]
    public void Bind_KedaCases_ErrorOrNot(Dictionary<string, string> metadata, MetricType metricType, string? error)
    {
        foreach (var type in new[] { "cpu", "memory" })
        {
            var (_, errors) = Bind(type, metadata, metricType);

            if (error is null)
            {
                errors.ShouldBeEmpty();
            }
            else
            {
                errors.ShouldHaveSingleItem().ToString().ShouldStartWith(error);
            }
        }
    }

    [Fact]
    public void Bind_Utilization_KeepsTheTargetPercentAndTheWorkerPool()
    {
        var (m, errors) = Bind("memory", new() { ["value"] = " 75 " });

        errors.ShouldBeEmpty();
        m.Resource.ShouldBe("memory");
        m.TargetPercent.ShouldBe(75);
        m.Target.ShouldBe(new CloudRunTarget("my-proj", "europe-west1", true, "orders"));
    }

    [Fact]
    public void Bind_SeveralProblems_AllReportedInOnePass()
    {
        var (_, errors) = Bind("cpu", new() { ["type"] = "AverageValue", ["containerName"] = "app", ["value"] = "x" });

        errors.Select(e => e.Key).ShouldBe(["type", "containerName", "value"]);
    }

    [Theory]
    [InlineData("projects/p/locations/us-central1/services/web", false, "web")]
    [InlineData("projects/p/locations/us-central1/workerPools/jobs", true, "jobs")]
    [InlineData("projects/p/locations/us-central1/workerpools/jobs", true, "jobs")]
    public void Parse_CloudRunNames_GiveTheMonitoredResource(string name, bool workerPool, string id)
    {
        var target = CloudRunTarget.Parse(name).ShouldNotBeNull();

        target.ShouldBe(new CloudRunTarget("p", "us-central1", workerPool, id));
        target.ResourceType.ShouldBe(workerPool ? "cloud_run_worker_pool" : "cloud_run_revision");
        target.NameLabel.ShouldBe(workerPool ? "worker_pool_name" : "service_name");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("my-deployment")]
    [InlineData("projects/p/locations/us-central1/jobs/nightly")]
    [InlineData("projects/p/locations//services/web")]
    public void Parse_OtherNames_Null(string? name) => CloudRunTarget.Parse(name).ShouldBeNull();

    [Fact]
    public void Interpret_AnyUtilization_IsActiveWithTheTargetPercent()
    {
        var factory = ResourceScalerFactory.All[0];
        var context = GcpTestContext.Create("cpu", new Dictionary<string, string> { ["value"] = "60" }) with { MetricType = MetricType.Utilization, ScaleTargetName = Pool };

        var reading = factory.Interpret(context, 12.5);

        reading.ShouldBe(new MetricReading(12.5, 60, true));
    }
}
