namespace Crema.Tests.Cli;

public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_NoConfigAnywhere_ExitsTwoNamingEverySource()
    {
        var run = await CliRun.RunAsync("run");

        run.ExitCode.ShouldBe(2);
        run.ErrorLines.ShouldBe(
            ["no config: give --config FILE, or set CREMA_CONFIG_YAML (the YAML) or CREMA_CONFIG (a Parameter Manager version name)"]);
        run.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_MissingConfigFile_ExitsTwo()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Directory, "absent.yaml");

        var run = await CliRun.RunAsync("run", "--config", path);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("cannot read the config");
    }

    [Fact]
    public async Task Run_InvalidInlineConfig_ExitsOneWithErrorsNamingTheVariable()
    {
        var environment = new Dictionary<string, string> { ["CREMA_CONFIG_YAML"] = "apiVersion: crema/v1\nkind: CremaConfig\nspec:\n  pollingInterval: 0\n" };

        var run = await CliRun.RunAsync(environment, "run");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("CREMA_CONFIG_YAML:4:");
        run.Error.ShouldContain("spec.pollingInterval");
    }

    [Fact]
    public async Task Run_BadOtlpHeaders_ExitsOneBeforeReadingTheConfigWithoutShowingThem()
    {
        var environment = new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_HEADERS"] = "authorization Bearer s3cret" };

        var run = await CliRun.RunAsync(environment, "run", "--otlp-endpoint", "http://localhost:4318");

        run.ExitCode.ShouldBe(1);
        run.ErrorLines.ShouldBe(["OTEL_EXPORTER_OTLP_HEADERS: header 1 of 1 is not key=value (a header name, then URL-encoded text without control characters); the value is not shown"]);
    }

    [Fact]
    public async Task Run_UnknownOtlpProtocol_ExitsOne()
    {
        var run = await CliRun.RunAsync("run", "--otlp-endpoint", "http://localhost:4318", "--otlp-protocol", "http/json");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("'http/json' not recognized");
    }

    [Fact]
    public async Task Run_BadLogFormat_ExitsOne()
    {
        var run = await CliRun.RunAsync("run", "--log-format", "xml");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("xml");
    }

    [Fact]
    public async Task Run_ConfigNamingAnUnsetVariable_ExitsOneNamingTheVariable()
    {
        var yaml = """
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              scaledObjects:
                - spec:
                    scaleTargetRef: {name: projects/p/locations/us-central1/workerPools/pool}
                    triggers:
                      - type: rabbitmq
                        metadata: {hostFromEnv: RABBIT_URL, queueName: jobs, mode: QueueLength, value: "5"}
            """;
        var environment = new Dictionary<string, string> { ["CREMA_CONFIG_YAML"] = yaml };

        var run = await CliRun.RunAsync(environment, "run");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("CREMA_CONFIG_YAML:9:");
        run.Error.ShouldContain("environment variable \"RABBIT_URL\" is not set in the daemon's environment");
    }
}
