namespace Crema.Tests.Cli;

public sealed class EmulatorCommandTests
{
    [Theory]
    [InlineData("--worker-pool", "my-pool", "\"my-pool\" is not NAME=COUNT")]
    [InlineData("--worker-pool", "my-pool=many", "\"my-pool=many\" is not NAME=COUNT")]
    [InlineData("--worker-pool", "my-pool=-1", "\"my-pool=-1\" is not NAME=COUNT")]
    [InlineData("--worker-pool", "projects/p/locations/l/services/s=1", "is not a workerPools resource name")]
    [InlineData("--service", "=2", "\"=2\" is not NAME=COUNT")]
    public async Task Emulator_BadTargetSpec_ExitsOneExplaining(string option, string spec, string message)
    {
        var run = await CliRun.RunAsync("emulator", "--port", "0", option, spec);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain(message);
        run.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Emulator_SameTargetTwice_ExitsOne()
    {
        var run = await CliRun.RunAsync("emulator", "--port", "0", "--worker-pool", "a=1", "--worker-pool", "projects/demo/locations/us-central1/workerPools/a=2");

        run.ExitCode.ShouldBe(1);
        run.ErrorLines.ShouldBe(["\"projects/demo/locations/us-central1/workerPools/a\" is given twice."]);
    }
}
