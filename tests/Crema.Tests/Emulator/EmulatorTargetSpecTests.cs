using Crema.Host.Emulator;

namespace Crema.Tests.Emulator;

public sealed class EmulatorTargetSpecTests
{
    [Fact]
    public void ParseWorkerPool_BareName_ExpandsToDefaultProjectAndRegion()
    {
        var parsed = EmulatorTargetSpec.ParseWorkerPool("runners=3");

        parsed.Key.ShouldBe("projects/demo/locations/us-central1/workerPools/runners");
        parsed.Value.ShouldBe(3);
    }

    [Fact]
    public void ParseWorkerPool_LowerCaseFullName_NormalizesCollection()
    {
        var parsed = EmulatorTargetSpec.ParseWorkerPool("projects/p/locations/europe-west1/workerpools/w=0");

        parsed.Key.ShouldBe("projects/p/locations/europe-west1/workerPools/w");
        parsed.Value.ShouldBe(0);
    }

    [Fact]
    public void ParseService_BareName_UsesServicesCollection() =>
        EmulatorTargetSpec.ParseService("web=2").Key.ShouldBe("projects/demo/locations/us-central1/services/web");

    [Theory]
    [InlineData("runners")]
    [InlineData("runners=")]
    [InlineData("runners=-1")]
    [InlineData("=2")]
    [InlineData("projects/p/locations/l/jobs/x=1")]
    [InlineData("projects/p/locations/l/services/x=1")]
    public void ParseWorkerPool_Malformed_ThrowsFormatExceptionShowingTheForm(string spec) =>
        Should.Throw<FormatException>(() => EmulatorTargetSpec.ParseWorkerPool(spec)).Message.ShouldContain("COUNT");
}
