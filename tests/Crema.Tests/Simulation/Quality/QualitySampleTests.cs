using Crema.Host.Cli;
using Crema.Tests.Support;

namespace Crema.Tests.Simulation.Quality;

/// <summary>
/// Pins what the queue in samples/simulations/quality pays under Crema, CREMA 1.2's semantics and the lower bound.
/// After a deliberate change, regenerate with the command in samples/simulations/README.md and review the diff.
/// </summary>
public sealed class QualitySampleTests
{
    [Theory]
    [InlineData("bursty")]
    [InlineData("spike")]
    [InlineData("diurnal")]
    public void SimulateQueueModel_Sample_MatchesPinnedTable(string trace)
    {
        var directory = Path.Combine(RepositoryRoot.Path, "samples", "simulations", "quality");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = QueueModelRun.Run(Path.Combine(directory, "config.yaml"), Path.Combine(directory, trace + ".csv"), 2, 20, null, null, output, error);

        exitCode.ShouldBe(0, error.ToString());
        output.ToString().ReplaceLineEndings("\n").ShouldBe(File.ReadAllText(Path.Combine(directory, $"expected-{trace}.txt")).ReplaceLineEndings("\n"));
    }
}
