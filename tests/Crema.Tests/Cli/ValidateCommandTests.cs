using System.Text.RegularExpressions;
using Crema.Tests.Support;

namespace Crema.Tests.Cli;

public sealed class ValidateCommandTests
{
    private const string Broken = """
        apiVersion: crema/v1
        kind: CremaConfig
        spec:
          pollingInterval: -5
          scaledObjects:
            - metadata: {name: a}
              spec:
                scaleTargetRef: {name: nope}
                minReplicaCount: 5
                maxReplicaCount: 2
                triggers:
                  - type: prometheus
                    metadata: {query: q}
                  - type: warp-drive
        """;

    [Fact]
    public async Task Validate_ExampleConfig_ExitsZeroWithOneLineSummary()
    {
        var path = Path.Combine(RepositoryRoot.Path, "crema.example.yaml");

        var run = await CliRun.RunAsync("validate", "--config", path);

        run.ExitCode.ShouldBe(0, run.Error);
        run.OutputLines.ShouldHaveSingleItem().ShouldBe(
            $"{path}: valid: 5 scaled object(s), 5 trigger(s) (external-push, gcp-pubsub, github-runner, kafka, prometheus), 5 trigger authentication(s)");
        run.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_BrokenFile_ExitsOneWithEveryErrorAsFileLineColumnPath()
    {
        using var files = new TempFiles();
        var path = files.Write("broken.yaml", Broken);

        var run = await CliRun.RunAsync("validate", "-c", path);

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldBeEmpty();
        var lines = run.ErrorLines;
        lines[^1].ShouldBe($"{path}: 6 error(s)");
        var errors = lines[..^1];
        errors.Length.ShouldBe(6);
        errors.ShouldAllBe(line => Regex.IsMatch(line, "^" + Regex.Escape(path) + @":\d+:\d+: spec(\.[A-Za-z]+|\[\d+\])*: \S"));
        errors.Select(l => l[(path.Length + 1)..l.IndexOf(": ", path.Length, StringComparison.Ordinal)]).ShouldBe(
        [
            "4:20", "8:32", "9:26", "13:23", "13:23", "14:19",
        ]);
        errors.ShouldContain(l => l.Contains(": spec.pollingInterval: ", StringComparison.Ordinal));
        errors.ShouldContain(l => l.Contains(": spec.scaledObjects[0].spec.minReplicaCount: ", StringComparison.Ordinal));
        errors.ShouldContain(l => l.Contains(": spec.scaledObjects[0].spec.triggers[0].metadata.threshold: ", StringComparison.Ordinal));
        errors.ShouldContain(l => l.Contains(": spec.scaledObjects[0].spec.triggers[1].type: unknown trigger type \"warp-drive\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsTwoNamingTheFile()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Directory, "absent.yaml");

        var run = await CliRun.RunAsync("validate", "--config", path);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"{path}: cannot read the config file: ");
        run.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_Directory_ExitsTwoSayingSo()
    {
        using var files = new TempFiles();

        var run = await CliRun.RunAsync("validate", "--config", files.Directory);

        run.ExitCode.ShouldBe(2);
        run.ErrorLines.ShouldBe([$"{files.Directory}: cannot read the config file: it is a directory"]);
    }

    [Fact]
    public async Task Validate_NoConfigOption_ExitsOneNamingTheOption()
    {
        var run = await CliRun.RunAsync("validate");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("Option '--config' is required.");
    }
}
