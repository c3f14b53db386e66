using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crema.Host.Emulator;
using Crema.Host.Leadership;
using Crema.Tests.Support;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Crema.Tests.Leadership;

/// <summary>
/// Three `crema run` processes on one worker pool, sharing a gs:// lease in the Cloud Storage stand-in, against the
/// Cloud Run emulator; the metric changes all the time so the leader keeps writing. The leader is killed with
/// SIGKILL twice. Checks: a standby takes over within about one lease duration of the dead leader's last renewal;
/// every write carries its writer and term, each term has one writer, and no write of a term lands after the
/// next term began; the pool ends at the last decision.
/// </summary>
public sealed partial class ThreeDaemonsTakeoverTests(ITestOutputHelper output)
{
    private const string Pool = "projects/my-project/locations/us-central1/workerPools/shared";
    private const int LeaseSeconds = 6;
    private static readonly int[] Values = [2, 5, 3, 7];

    [Fact]
    public async Task ThreeDaemons_LeaderKilledTwice_OneWriterPerTermAndTakeoverWithinALeaseDuration()
    {
        await using var emulator = await CloudRunEmulator.StartAsync(new CloudRunEmulatorOptions { Targets = new Dictionary<string, int> { [Pool] = 1 } }, CancellationToken.None);
        await using var gcs = await FakeCloudStorage.StartAsync("crema-test");
        var value = Values[0];
        await using var prometheus = await HttpStub.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
            return context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                $$$"""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[{{{now}}},"{{{Volatile.Read(ref value)}}}"]}]}}"""));
        });
        var directory = Directory.CreateTempSubdirectory("crema-lease-").FullName;
        var daemons = new List<CremaProcess>();
        using var changing = new CancellationTokenSource();
        try
        {
            var config = Path.Combine(directory, "crema.yaml");
            await File.WriteAllTextAsync(config, Config(prometheus.BaseAddress));
            var environment = new Dictionary<string, string>
            {
                ["CREMA_RUN_ENDPOINT"] = emulator.BaseAddress.AbsoluteUri,
                ["CREMA_STORAGE_ENDPOINT"] = gcs.BaseAddress,
            };
            foreach (var name in new[] { "daemon-1", "daemon-2", "daemon-3" })
            {
                daemons.Add(CremaProcess.Start(name, ["run", "--config", config, "--port", "0", "--address", "127.0.0.1", "--log-format", "text",
                    "--lease", "gs://crema-test/leader", "--lease-duration", LeaseSeconds.ToString(CultureInfo.InvariantCulture), "--lease-identity", name], environment));
            }
            // The metric moves every 1.5 s, so whoever leads keeps writing.
            var driver = Task.Run(async () =>
            {
                for (var i = 1; !changing.IsCancellationRequested; i++)
                {
                    await Task.Delay(1500, changing.Token).ConfigureAwait(false);
                    Volatile.Write(ref value, Values[i % Values.Length]);
                }
            });

            var first = await WaitForHolderAsync(gcs, null, TimeSpan.FromSeconds(60), daemons);
            await WaitForWritesAsync(emulator, first, 2, daemons);
            var takeovers = new List<(string From, string To, TimeSpan SinceKill, TimeSpan SinceLastRenewal)>();
            var leader = first;
            for (var round = 0; round < 2; round++)
            {
                var killed = daemons.Single(d => d.Name == leader);
                var killedAt = DateTimeOffset.UtcNow;
                killed.KillHard();
                var lastRenewal = Uploads(gcs).Where(u => u.Record.HolderIdentity == leader).Max(u => u.At);
                var next = await WaitForHolderAsync(gcs, leader, TimeSpan.FromSeconds(4 * LeaseSeconds), daemons);
                var acquiredAt = Uploads(gcs).First(u => u.Record.HolderIdentity == next && u.At > killedAt).At;
                takeovers.Add((leader, next, acquiredAt - killedAt, acquiredAt - lastRenewal));
                await WaitForWritesAsync(emulator, next, 2, daemons);
                leader = next;
            }
            await changing.CancelAsync();
            await driver.ContinueWith(_ => { }, TaskScheduler.Default);
            var finalValue = Volatile.Read(ref value);

            foreach (var t in takeovers)
            {
                output.WriteLine($"takeover {t.From} -> {t.To}: {t.SinceKill.TotalSeconds:0.00} s after SIGKILL, {t.SinceLastRenewal.TotalSeconds:0.00} s after its last renewal (lease {LeaseSeconds} s)");
                t.SinceLastRenewal.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(LeaseSeconds), "never before the lease could have expired");
                t.SinceLastRenewal.ShouldBeLessThan(TimeSpan.FromSeconds(LeaseSeconds + 3), "within about one lease duration (one look later, plus load)");
            }
            var writes = await WritesAsync(emulator);
            output.WriteLine($"{writes.Length} writes by {string.Join(", ", writes.GroupBy(w => w.Writer).Select(g => $"{g.Key} ({g.Count()})"))}; " +
                $"terms {string.Join(", ", writes.Select(w => w.Term).Distinct())}");
            writes.ShouldAllBe(w => w.Writer != null && w.Term != null, "every write says who wrote it in which term");
            var terms = Uploads(gcs).Where(u => !u.Record.IsFree).GroupBy(u => u.Record.LeaseTransitions)
                .ToDictionary(g => g.Key, g => (Holder: g.Select(u => u.Record.HolderIdentity).Distinct().Single(), Began: g.Min(u => u.At)));
            foreach (var write in writes)
            {
                terms[write.Term!.Value].Holder.ShouldBe(write.Writer, $"the write at {write.Time:HH:mm:ss.fff} in term {write.Term}");
                if (terms.TryGetValue(write.Term.Value + 1, out var nextTerm))
                {
                    write.Time.ShouldBeLessThan(nextTerm.Began, $"{write.Writer} wrote in term {write.Term} after term {write.Term + 1} began");
                }
            }
            writes.GroupBy(w => w.Term).ShouldAllBe(g => g.Select(w => w.Writer).Distinct().Count() == 1);
            var survivor = daemons.Single(d => !d.HasExited);
            survivor.Name.ShouldBe(leader);
            await WaitForAsync(async () => await CountAsync(emulator) == finalValue, TimeSpan.FromSeconds(30), $"the pool at the last decision ({finalValue})", daemons);
        }
        finally
        {
            await changing.CancelAsync();
            foreach (var daemon in daemons)
            {
                daemon.Dispose();
            }
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Config(string prometheus) => $$"""
        apiVersion: crema/v1
        kind: CremaConfig
        spec:
          pollingInterval: 1
          scaledObjects:
            - spec:
                scaleTargetRef: {name: {{Pool}}}
                minReplicaCount: 1
                maxReplicaCount: 10
                advanced:
                  horizontalPodAutoscalerConfig:
                    behavior:
                      scaleUp: {stabilizationWindowSeconds: 0, policies: [{type: Percent, value: 1000, periodSeconds: 1}]}
                      scaleDown: {stabilizationWindowSeconds: 0, policies: [{type: Percent, value: 100, periodSeconds: 1}]}
                triggers:
                  - type: prometheus
                    metadata: {serverAddress: "{{prometheus}}", query: backlog, threshold: "1"}
        """;

    private static List<(DateTimeOffset At, LeaseRecord Record)> Uploads(FakeCloudStorage gcs)
    {
        lock (gcs.Uploads)
        {
            return [.. gcs.Uploads.ToArray().Select(u => (u.At, LeaseRecordJson.Read(u.Data)))];
        }
    }

    private static async Task<string> WaitForHolderAsync(FakeCloudStorage gcs, string? other, TimeSpan limit, List<CremaProcess> daemons)
    {
        string? holder = null;
        await WaitForAsync(() =>
        {
            holder = gcs.Object("crema-test", "leader") is { } lease ? LeaseRecordJson.Read(lease.Data).HolderIdentity : null;
            return Task.FromResult(holder is { Length: > 0 } && holder != other);
        }, limit, other is null ? "a first holder" : $"a holder other than {other}", daemons);
        return holder!;
    }

    private static Task WaitForWritesAsync(CloudRunEmulator emulator, string writer, int count, List<CremaProcess> daemons) =>
        WaitForAsync(async () => (await WritesAsync(emulator)).Count(w => w.Writer == writer) >= count, TimeSpan.FromSeconds(30), $"{count} writes by {writer}", daemons);

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan limit, string what, List<CremaProcess> daemons)
    {
        var end = DateTimeOffset.UtcNow + limit;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > end || daemons.All(d => d.HasExited))
            {
                throw new ShouldAssertException($"{what}: not reached within {limit.TotalSeconds} s\n" + string.Join("\n", daemons.Select(d => $"--- {d.Name}\n{d.Output}")));
            }
            await Task.Delay(100);
        }
    }

    private static async Task<Write[]> WritesAsync(CloudRunEmulator emulator)
    {
        using var http = new HttpClient();
        var writes = await http.GetFromJsonAsync<EmulatorWrite[]>(new Uri(emulator.BaseAddress, "emulator/writes"), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return [.. writes!.Select(w =>
        {
            var tag = w.UserAgent is null ? null : WriterTag().Match(w.UserAgent);
            return new Write(w.Time, w.InstanceCount, tag is { Success: true } ? tag.Groups[1].Value : null,
                tag is { Success: true } ? int.Parse(tag.Groups[2].Value, CultureInfo.InvariantCulture) : null);
        })];
    }

    private static async Task<int> CountAsync(CloudRunEmulator emulator)
    {
        using var http = new HttpClient();
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(emulator.BaseAddress, "v2/" + Pool)));
        return document.RootElement.GetProperty("scaling").GetProperty("manualInstanceCount").GetInt32();
    }

    [GeneratedRegex(@"\(writer=([^;]+); term=(\d+)\)$")]
    private static partial Regex WriterTag();

    private sealed record Write(DateTimeOffset Time, int Count, string? Writer, int? Term);
}
