using Crema.Tests.Support;

namespace Crema.Tests.Cli;

public sealed class SchemaCommandTests
{
    [Fact]
    public async Task Schema_PrintsTheCheckedInSchema()
    {
        var run = await CliRun.RunAsync("schema");

        run.ExitCode.ShouldBe(0);
        run.Error.ShouldBeEmpty();
        var checkedIn = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "crema.schema.json"));
        run.Output.ReplaceLineEndings("\n").TrimEnd('\n').ShouldBe(checkedIn.ReplaceLineEndings("\n").TrimEnd('\n'));
    }
}
