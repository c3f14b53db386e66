using System.Net.Http.Json;
using System.Text.Json;
using Crema.Host.Emulator;
using Crema.Tests.Daemon;

namespace Crema.Tests.Faults;

/// <summary>
/// The suite's table: every fault Crema must ride out, each armed through the emulator's or the source's own
/// fault injection. Each case starts with pool-a at 3; once armed, pool-a's source reports 9 (decision 5, its
/// max), so the count the fault must not distort and the one it must reach afterwards are both known.
/// </summary>
internal static class FaultCases
{
    private const string A = DaemonConfigs.PoolA;

    public static IReadOnlyList<FaultCase> All { get; } =
    [
        Admin("admin-429", new EmulatorFault { Target = A, Status = 429, Count = 4, RetryAfterSeconds = 2 }) with { Seen = ApiStatus("429") },
        Admin("admin-500", new EmulatorFault { Target = A, Status = 500, Count = 4 }) with { Seen = ApiStatus("500") },
        Admin("admin-503", new EmulatorFault { Target = A, Status = 503, Count = 6 }) with { Seen = ApiStatus("503") },
        Admin("admin-403-on-patch", new EmulatorFault { Target = A, Status = 403, Method = "PATCH", Count = 50 }) with { Seen = ApiStatus("403") },
        Admin("admin-etag-conflicts", new EmulatorFault { Target = A, Conflicts = 50 }) with { Seen = ApiStatus("409") },
        Admin("admin-failed-operations", new EmulatorFault { Target = A, FailOperations = 3 }),
        Admin("admin-patch-timeouts", new EmulatorFault { Target = A, HangPatches = 2 }, polls: 4) with { Seen = rig => Task.FromResult(rig.Harness.Emulator.HeldRequests > 0) },
        new("admin-slow-operations",
            rig => ArmAdminAsync(rig, new EmulatorFault { Target = A, OperationDelaySeconds = 20 }),
            rig => rig.Harness.AddFaultAsync(new EmulatorFault { Target = A, OperationDelaySeconds = 0 })),
        new("admin-pool-deleted",
            rig => ArmAdminAsync(rig, new EmulatorFault { Target = A, Delete = true }),
            async rig =>
            {
                using var response = await rig.Harness.Http.PostAsJsonAsync(new Uri(rig.Harness.Emulator.BaseAddress, "emulator/targets"), new { name = A, count = 3 });
                response.EnsureSuccessStatusCode();
            }) { Seen = ApiStatus("404") },
        Source("source-down", SourceMode.Down) with { Seen = TriggerErrorAsync },
        Source("source-slow", SourceMode.Slow),
        Source("source-hanging", SourceMode.Hanging) with { Seen = TriggerErrorAsync },
        Source("source-garbage", SourceMode.Garbage) with { Seen = TriggerErrorAsync },
        Source("source-huge", SourceMode.Huge, polls: 4) with { Seen = TriggerErrorAsync },
        Source("source-nan", SourceMode.NaN) with { Seen = TriggerErrorAsync },
        Source("source-infinity", SourceMode.Infinity) with { Seen = TriggerErrorAsync },
        Source("source-flapping", SourceMode.Flapping) with { Seen = TriggerErrorCountedAsync },
        // 503 is retried by the Secret Manager client, so the first read of the new trigger gives up at its 10 s timeout.
        SecretManager("secret-manager-unavailable", 503, polls: 14),
        SecretManager("secret-manager-denied", 403),
        new("broken-reload",
            async rig =>
            {
                await File.WriteAllTextAsync(rig.Harness.ConfigPath,
                    rig.Yaml.Replace("maxReplicaCount: 5", "maxReplicaCount: many", StringComparison.Ordinal));
                rig.Source.Value = 9;
            },
            rig => File.WriteAllTextAsync(rig.Harness.ConfigPath, rig.Yaml))
        {
            Seen = async rig => (await rig.Harness.StatusAsync()).GetProperty("config").GetProperty("lastReloadError").ValueKind == JsonValueKind.String,
        },
    ];

    // A reload moves pool-a's password to another secret while Secret Manager fails: the new trigger cannot be
    // built until Secret Manager answers again (a cached value would hide the fault, hence the new secret).
    private static FaultCase SecretManager(string name, int status, int polls = 8) => new(name,
        async rig =>
        {
            const string Moved = "source-password-moved";
            rig.Secrets.Secrets[FaultRig.SecretVersion(Moved)] = FaultRig.Password;
            rig.Secrets.FailStatus = status;
            var loadedAt = await LoadedAtAsync(rig);
            await File.WriteAllTextAsync(rig.Harness.ConfigPath, rig.WithPasswordSecret(Moved));
            // Only the new trigger may see 9: the old one reading it before the reload lands would hide the fault.
            await rig.Harness.AdvanceUntilAsync(async () => await LoadedAtAsync(rig) != loadedAt, FaultRig.Poll, 30, $"{name}: the reload applied");
            rig.Source.Value = 9;
        },
        rig =>
        {
            rig.Secrets.FailStatus = null;
            return Task.CompletedTask;
        },
        polls)
    {
        Seen = async rig => await TriggerErrorAsync(rig) && rig.Secrets.Accessed.Any(a => a.Contains("source-password-moved", StringComparison.Ordinal)),
    };

    private static async Task<string> LoadedAtAsync(FaultRig rig) =>
        (await rig.Harness.StatusAsync()).GetProperty("config").GetProperty("loadedAt").ToString();

    // The Admin API answered pool-a with this status at least once.
    private static Func<FaultRig, Task<bool>> ApiStatus(string status) => async rig =>
        (await rig.Harness.MetricsAsync()).Contains($"status=\"{status}\",target=\"{A}\"", StringComparison.Ordinal);

    // pool-a's trigger shows an error on /status (a reloaded object has no trigger row until its first poll).
    private static async Task<bool> TriggerErrorAsync(FaultRig rig) =>
        (await rig.Harness.ObjectStatusAsync(A)).GetProperty("triggers") is { } triggers
        && triggers.GetArrayLength() > 0 && triggers[0].GetProperty("lastError").ValueKind == JsonValueKind.String;

    // A failed read of pool-a's trigger was counted (a flapping source may be healthy again by the time /status is read).
    private static async Task<bool> TriggerErrorCountedAsync(FaultRig rig) =>
        (await rig.Harness.MetricsAsync()).Split('\n').Any(line => line.StartsWith("crema_trigger_errors_total{", StringComparison.Ordinal)
            && line.Contains("type=\"metrics-api\"", StringComparison.Ordinal));

    private static FaultCase Admin(string name, EmulatorFault fault, int polls = 8) =>
        new(name, rig => ArmAdminAsync(rig, fault), ClearAdminAsync, polls);

    private static async Task ArmAdminAsync(FaultRig rig, EmulatorFault fault)
    {
        await rig.Harness.AddFaultAsync(fault);
        rig.Source.Value = 9;
    }

    private static async Task ClearAdminAsync(FaultRig rig)
    {
        using var response = await rig.Harness.Http.DeleteAsync(new Uri(rig.Harness.Emulator.BaseAddress, "emulator/faults"));
        response.EnsureSuccessStatusCode();
    }

    private static FaultCase Source(string name, SourceMode mode, int polls = 8) => new(name,
        rig =>
        {
            rig.Source.Value = 9;
            rig.Source.Mode = mode;
            return Task.CompletedTask;
        },
        rig =>
        {
            rig.Source.Mode = SourceMode.Healthy;
            return Task.CompletedTask;
        },
        polls);
}
