using System.Globalization;
using Crema.Host.Emulator;
using Crema.Tests.Observability.Otlp;

namespace Crema.Tests.Cli;

/// <summary>`crema run --otlp-endpoint` as a real process: the flag and the OTEL_* variables reach the exporter, and SIGTERM still exits cleanly.</summary>
public sealed class RunOtlpProcessTests
{
    private const string Pool = "projects/my-project/locations/us-central1/workerPools/otlp";

    [Fact]
    public async Task Run_OtlpEndpointFlag_ExportsWithTheHeadersAndExitsZeroOnSigterm()
    {
        await using var receiver = await OtlpReceiver.StartHttpAsync();
        await using var emulator = await CloudRunEmulator.StartAsync(new CloudRunEmulatorOptions { Targets = new Dictionary<string, int> { [Pool] = 1 } }, CancellationToken.None);
        using var files = new TempFiles();
        var config = files.Write("crema.yaml", $$"""
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              pollingInterval: 1
              scaledObjects:
                - spec:
                    scaleTargetRef: {name: {{Pool}}}
                    triggers:
                      - type: prometheus
                        metadata: {serverAddress: "http://127.0.0.1:9", query: up, threshold: "1"}
            """);
        using var crema = CremaProcess.Start(new Dictionary<string, string>
        {
            ["CREMA_RUN_ENDPOINT"] = emulator.BaseAddress.AbsoluteUri,
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-check=from%20env",
        }, "run", "--config", config, "--port", "0", "--address", "127.0.0.1", "--otlp-endpoint", receiver.BaseAddress);
        try
        {
            var export = await receiver.WaitForAsync(e => OtlpSeries.Of(e.Request).Keys.Any(k => k.StartsWith("crema_scaled_object_state{scaled_object=\"otlp\"", StringComparison.Ordinal)),
                "the object's state exported by the process");

            export.Headers["x-check"].ShouldBe("from env");
            var resource = export.Request.ResourceMetrics[0].Resource.Attributes.ToDictionary(a => a.Key, a => OtlpSeries.Text(a.Value));
            resource["service.name"].ShouldBe("crema");
            resource["service.instance.id"].ShouldStartWith(Environment.MachineName + "-" + crema.Id.ToString(CultureInfo.InvariantCulture) + "-");
            resource.Keys.ShouldNotContain("faas.name", "not on Cloud Run");
        }
        finally
        {
            crema.Terminate();
            await crema.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
        crema.ExitCode.ShouldBe(0, crema.Output);
        crema.Output.ShouldContain("exporting metrics over OTLP to " + receiver.BaseAddress + "/v1/metrics (http/protobuf) every 0.2 s");
    }
}
