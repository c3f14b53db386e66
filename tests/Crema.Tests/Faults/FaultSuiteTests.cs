using Crema.Tests.Daemon;

namespace Crema.Tests.Faults;

/// <summary>
/// The fault suite: every case of <see cref="FaultCases"/> against a daemon with three objects, then the same
/// checks (<see cref="FaultInvariants"/>) for all.
/// </summary>
public sealed class FaultSuiteTests
{
    public static TheoryData<string> Cases => new(FaultCases.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fault_ThenCleared_InvariantsHold(string name)
    {
        var fault = FaultCases.All.Single(c => c.Name == name);
        await using var rig = await FaultRig.StartAsync();
        var harness = rig.Harness;
        // Healthy first: pool-a at 3, pool-b at 2, pool-c at 3.
        await harness.AdvanceUntilAsync(async () => await rig.CountsAsync() is var c && c[DaemonConfigs.PoolA] == 3 && c[DaemonConfigs.PoolB] == 2 && c[DaemonConfigs.PoolC] == 3,
            FaultRig.Poll, 30, "steady state before the fault");

        await fault.Arm(rig);
        rig.Scalers.Values["b"] = 4;
        var otherPolls = int.MaxValue;
        var seen = fault.Seen is null;
        for (var poll = 1; poll <= fault.Polls; poll++)
        {
            await harness.StepAsync(FaultRig.Poll, DaemonConfigs.PoolB);
            if (otherPolls == int.MaxValue && (await rig.CountsAsync())[DaemonConfigs.PoolB] == 4)
            {
                otherPolls = poll;
            }
            seen = seen || await fault.Seen!(rig);
        }

        seen.ShouldBeTrue($"{name}: the fault never showed on /status or /metrics (flapping requests: {rig.Source.FlappingRequests})\n{(await harness.ObjectStatusAsync(DaemonConfigs.PoolA))}\n{Tail(rig.Log.ToString())}");
        rig.Source.SawBasicCredentials.ShouldBeTrue("the source gets the password, so every output could leak it");

        await fault.Clear(rig);
        await harness.AdvanceUntilAsync(async () => (await rig.CountsAsync())[DaemonConfigs.PoolA] == 5, FaultRig.Poll, 150, $"{name}: pool-a reaches its decision once cleared");

        await FaultInvariants.AssertAsync(rig, new Dictionary<string, int>
        {
            [DaemonConfigs.PoolA] = 5,
            [DaemonConfigs.PoolB] = 4,
            [DaemonConfigs.PoolC] = 3,
        }, otherPolls);
    }

    private static string Tail(string log) => log.Length <= 4000 ? log : log[^4000..];
}
