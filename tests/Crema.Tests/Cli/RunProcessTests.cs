using System.Diagnostics;
using Crema.Host.Emulator;

namespace Crema.Tests.Cli;

/// <summary>`crema run` as a real process: it starts, serves, and exits cleanly on SIGTERM (how Cloud Run stops it).</summary>
public sealed class RunProcessTests
{
    private const string Pool = "projects/my-project/locations/us-central1/workerPools/sigterm";

    [Fact]
    public async Task Run_Sigterm_ExitsZeroAfterDraining()
    {
        await using var emulator = await CloudRunEmulator.StartAsync(new CloudRunEmulatorOptions
        {
            Targets = new Dictionary<string, int> { [Pool] = 1 },
        }, CancellationToken.None);
        var directory = Directory.CreateTempSubdirectory("crema-run-").FullName;
        try
        {
            var config = Path.Combine(directory, "crema.yaml");
            await File.WriteAllTextAsync(config, $$"""
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
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "crema.dll"), "run", "--config", config, "--port", "0", "--address", "127.0.0.1" })
            {
                start.ArgumentList.Add(argument);
            }
            start.Environment["CREMA_RUN_ENDPOINT"] = emulator.BaseAddress.AbsoluteUri;
            using var process = Process.Start(start)!;
            var applied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var output = new System.Text.StringBuilder();
            process.OutputDataReceived += (_, e) =>
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
                if (e.Data?.Contains("applied", StringComparison.Ordinal) == true)
                {
                    applied.TrySetResult();
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await applied.Task.WaitAsync(TimeSpan.FromSeconds(30));

            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            string log;
            lock (output)
            {
                log = output.ToString();
            }
            process.ExitCode.ShouldBe(0, log);
            log.ShouldNotContain("Unhandled exception");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
