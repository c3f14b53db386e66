using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Crema.Host.Emulator;

namespace Crema.Tests.Cli;

/// <summary>
/// `crema run` as a real process against the emulator, stopped by SIGTERM while a Cloud Run update is in
/// flight: it exits within its shutdown grace (Cloud Run sends SIGKILL 10 s after SIGTERM).
/// </summary>
public sealed class RunShutdownProcessTests
{
    private const string Pool = "projects/my-project/locations/us-central1/workerPools/grace";

    [Fact]
    public async Task Run_SigtermWhilePatchHangs_ExitsWithinTheConfiguredGrace()
    {
        await using var emulator = await CloudRunEmulator.StartAsync(new CloudRunEmulatorOptions
        {
            Targets = new Dictionary<string, int> { [Pool] = 1 },
            Faults = [new EmulatorFault { Target = Pool, HangPatches = 1000 }],
        }, CancellationToken.None);
        using var directory = new TempFiles();
        using var crema = Start(emulator, directory, "--shutdown-grace", "3");
        await WaitUntilAsync(() => Task.FromResult(emulator.HeldRequests > 0), crema, "a PATCH held unanswered");

        var exit = await TerminateAsync(crema);

        exit.ShouldBeLessThan(TimeSpan.FromSeconds(3 + 1.5), crema.Output);
        exit.ShouldBeGreaterThan(TimeSpan.FromSeconds(2), "the unanswered update is given until shortly before the grace ends");
        crema.ExitCode.ShouldBe(0, crema.Output);
        crema.Output.ShouldContain("had no answer within 2.25 s and was given up");
        (await CountAsync(emulator)).ShouldBe(1);
    }

    [Fact]
    public async Task Run_SigtermWhileAcceptedOperationRuns_ExitsWithoutWaitingAndTheOperationLands()
    {
        await using var emulator = await CloudRunEmulator.StartAsync(new CloudRunEmulatorOptions
        {
            Targets = new Dictionary<string, int> { [Pool] = 1 },
            OperationDelay = TimeSpan.FromSeconds(45),
        }, CancellationToken.None);
        using var directory = new TempFiles();
        using var crema = Start(emulator, directory);
        await WaitUntilAsync(async () => (await TargetAsync(emulator)).GetProperty("reconciling").GetBoolean(), crema, "update accepted, its operation running");

        var exit = await TerminateAsync(crema);

        exit.ShouldBeLessThan(TimeSpan.FromSeconds(3), "an accepted update needs no waiting\n" + crema.Output);
        crema.ExitCode.ShouldBe(0, crema.Output);
        crema.Output.ShouldContain("was accepted (operation projects/my-project/locations/us-central1/operations/");
        (await TargetAsync(emulator)).GetProperty("reconciling").GetBoolean().ShouldBeTrue("Cloud Run goes on with the operation");
    }

    private static CremaProcess Start(CloudRunEmulator emulator, TempFiles directory, params string[] extra)
    {
        // minReplicaCount 3 over a current count of 1: the first poll sends an update.
        var config = directory.Write("crema.yaml", $$"""
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              pollingInterval: 1
              scaledObjects:
                - spec:
                    scaleTargetRef: {name: {{Pool}}}
                    minReplicaCount: 3
                    maxReplicaCount: 5
                    triggers:
                      - type: cron
                        metadata: {timezone: UTC, start: "0 0 1 1 *", end: "1 0 1 1 *", desiredReplicas: "4"}
            """);
        return CremaProcess.Start(new Dictionary<string, string> { ["CREMA_RUN_ENDPOINT"] = emulator.BaseAddress.AbsoluteUri },
            ["run", "--config", config, "--port", "0", "--address", "127.0.0.1", "--log-format", "text", .. extra]);
    }

    private static async Task<TimeSpan> TerminateAsync(CremaProcess crema)
    {
        var clock = Stopwatch.StartNew();
        crema.Terminate();
        await crema.WaitForExitAsync(TimeSpan.FromSeconds(30));
        return clock.Elapsed;
    }

    // Real time: waiting for a child process and its HTTP calls, not for scaling logic.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, CremaProcess crema, string what)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new ShouldAssertException($"{what}: not reached in 30 s\n{crema.Output}");
    }

    private static async Task<JsonElement> TargetAsync(CloudRunEmulator emulator)
    {
        using var http = new HttpClient();
        return await http.GetFromJsonAsync<JsonElement>(new Uri(emulator.BaseAddress, "v2/" + Pool));
    }

    private static async Task<int> CountAsync(CloudRunEmulator emulator) =>
        (await TargetAsync(emulator)).GetProperty("scaling").GetProperty("manualInstanceCount").GetInt32();
}
