using Crema.Google.CloudRun;

namespace Crema.Tests.Google;

public sealed class CloudRunJsonTests
{
    private static readonly CloudRunResourceName Service = CloudRunResourceName.Parse("projects/p1/locations/us-central1/services/api");
    private static readonly CloudRunResourceName Pool = CloudRunResourceName.Parse("projects/p1/locations/us-central1/workerPools/pool");

    [Theory]
    [InlineData("""{"name": "projects/p1/locations/us-central1/services/api", "scaling": {"scalingMode": "MANUAL", "manualInstanceCount": 3}}""", true, 3)]
    [InlineData("""{"name": "projects/p1/locations/us-central1/services/api", "scaling": {"scalingMode": "AUTOMATIC", "minInstanceCount": 1}}""", false, 0)]
    [InlineData("""{"name": "projects/p1/locations/us-central1/services/api", "scaling": {}}""", false, 0)]
    public void ReadTarget_Service_AcceptsManualCountOnlyInManualMode(string body, bool accepts, int count)
    {
        var target = CloudRunJson.ReadTarget(body, Service);

        target.AcceptsManualCount.ShouldBe(accepts);
        target.InstanceCount.ShouldBe(count);
    }

    [Fact]
    public void ReadTarget_WorkerPoolWithoutMode_AcceptsManualCount()
    {
        var target = CloudRunJson.ReadTarget("""{"name": "projects/p1/locations/us-central1/workerPools/pool", "generation": "4", "scaling": {"manualInstanceCount": 2}}""", Pool);

        target.AcceptsManualCount.ShouldBeTrue();
        target.InstanceCount.ShouldBe(2);
        target.Generation.ShouldBe(4);
    }
}
