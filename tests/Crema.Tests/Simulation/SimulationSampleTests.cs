using Crema.Host.Cli;
using Crema.Tests.Support;

namespace Crema.Tests.Simulation;

/// <summary>
/// Pins the output of every sample in samples/simulations: the decisions KEDA and the HPA would make.
/// After a deliberate change, regenerate with the command in samples/simulations/README.md and review the diff.
/// </summary>
public sealed class SimulationSampleTests
{
    [Theory]
    [InlineData("burst", 0, 600)]
    [InlineData("idle-to-zero", 0, 600)]
    [InlineData("flapping", 10, 600)]
    [InlineData("failing-source-fallback", 0, 360)]
    public void Simulate_Sample_MatchesPinnedOutput(string sample, int initialReplicas, double duration)
    {
        var directory = Path.Combine(RepositoryRoot.Path, "samples", "simulations", sample);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = SimulateCommand.Run(Path.Combine(directory, "config.yaml"), Path.Combine(directory, "trace.csv"), initialReplicas, duration, output, error);

        exitCode.ShouldBe(0, error.ToString());
        output.ToString().ReplaceLineEndings("\n").ShouldBe(File.ReadAllText(Path.Combine(directory, "expected.csv")).ReplaceLineEndings("\n"));
        error.ToString().ReplaceLineEndings("\n").ShouldBe(File.ReadAllText(Path.Combine(directory, "expected-summary.txt")).ReplaceLineEndings("\n"));
    }
}
