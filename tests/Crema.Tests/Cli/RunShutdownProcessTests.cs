using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Crema.Host.Emulator;

namespace Crema.Tests.Cli;

/// <summary>
/// `crema run` as a real process against the emulator, stopped while a Cloud Run update is in flight: by SIGTERM
/// it exits within its shutdown grace (Cloud Run sends SIGKILL 10 s after SIGTERM); by SIGKILL it leaves nothing
/// that the next start does not put right from the real count.
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

    [Fact]
    public async Task Run_KilledWhilePatchHangs_NextStartSendsTheUpdateOnce()
    {
        await using var emulator = await CloudRunEmulator.StartAsync(new CloudRunEmulatorOptions
        {
            Targets = new Dictionary<string, int> { [Pool] = 1 },
            Faults = [new EmulatorFault { Target = Pool, HangPatches = 1 }],
        }, CancellationToken.None);
        using var directory = new TempFiles();
        using (var first = Start(emulator, directory))
        {
            await WaitUntilAsync(() => Task.FromResult(emulator.HeldRequests > 0), first, "a PATCH held unanswered");
            first.KillNow();
        }

        using var second = Start(emulator, directory);
        await WaitUntilAsync(async () => await CountAsync(emulator) == 3, second, "the restarted daemon applies minReplicaCount");
        await WaitForPollsAsync(second, 3);

        var writes = await WritesAsync(emulator);
        writes.Select(w => w.InstanceCount).ShouldBe([3], "the held PATCH changed nothing; the restart writes once, then holds\n" + second.Output);
        (await CountAsync(emulator)).ShouldBe(3);
    }

    [Fact]
    public async Task Run_KilledWhileOperationRuns_NextStartReadsTheUpdatedCountAndWritesNothing()
    {
        await using var emulator = await CloudRunEmulator.StartAsync(new CloudRunEmulatorOptions
        {
            Targets = new Dictionary<string, int> { [Pool] = 1 },
            OperationDelay = TimeSpan.FromSeconds(4),
        }, CancellationToken.None);
        using var directory = new TempFiles();
        using (var first = Start(emulator, directory))
        {
            await WaitUntilAsync(async () => (await TargetAsync(emulator)).GetProperty("reconciling").GetBoolean(), first, "update accepted, its operation running");
            first.KillNow();
        }

        // Cloud Run finishes the dead daemon's operation. (The emulator shows the new count only once an operation
        // ends, so a start in between would read the old one and write the same count again.)
        await WaitUntilAsync(async () => !(await TargetAsync(emulator)).GetProperty("reconciling").GetBoolean(), null, "the operation lands");
        using var second = Start(emulator, directory);
        await WaitForPollsAsync(second, 3);

        (await WritesAsync(emulator)).Count.ShouldBe(1, "the restarted daemon reads the count the operation set and has nothing to write\n" + second.Output);
        (await CountAsync(emulator)).ShouldBe(3);
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
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, CremaProcess? crema, string what)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new ShouldAssertException($"{what}: not reached in 30 s\n{crema?.Output}");
    }

    private static async Task<JsonElement> TargetAsync(CloudRunEmulator emulator)
    {
        using var http = new HttpClient();
        return await http.GetFromJsonAsync<JsonElement>(new Uri(emulator.BaseAddress, "v2/" + Pool));
    }

    // Waits until the daemon has polled the object `count` more times (its /status lastPollAt), each poll a chance to write.
    private static async Task WaitForPollsAsync(CremaProcess crema, int count)
    {
        using var http = new HttpClient();
        Uri? status = null;
        await WaitUntilAsync(() => Task.FromResult((status = StatusUri(crema.Output)) is not null), crema, "the daemon serving /status");
        string? last = null;
        var polls = -1;
        await WaitUntilAsync(async () =>
        {
            var poll = (await http.GetFromJsonAsync<JsonElement>(status)).GetProperty("scaledObjects")[0].GetProperty("lastPollAt").ToString();
            if (poll != last)
            {
                (last, polls) = (poll, polls + 1);
            }
            return polls >= count;
        }, crema, $"{count} more polls");
    }

    private static Uri? StatusUri(string output) =>
        System.Text.RegularExpressions.Regex.Match(output, @"and / on (http://127\.0\.0\.1:\d+)") is { Success: true } match
            ? new Uri(match.Groups[1].Value + "/status")
            : null;

    private static async Task<IReadOnlyList<EmulatorWrite>> WritesAsync(CloudRunEmulator emulator)
    {
        using var http = new HttpClient();
        return (await http.GetFromJsonAsync<EmulatorWrite[]>(new Uri(emulator.BaseAddress, "emulator/writes")))!.Where(w => w.Target == Pool).ToList();
    }

    private static async Task<int> CountAsync(CloudRunEmulator emulator) =>
        (await TargetAsync(emulator)).GetProperty("scaling").GetProperty("manualInstanceCount").GetInt32();
}
