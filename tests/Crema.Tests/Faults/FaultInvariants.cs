using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crema.Tests.Daemon;

namespace Crema.Tests.Faults;

/// <summary>
/// What must hold after every fault, whatever it was: no count outside [min, max] and no drop to zero in the
/// emulator's record of applied counts, the decision applied once the fault cleared, the daemon still serving
/// and polling every object, the other objects scaled on time during the fault, and the source's password in
/// none of its forms in the logs, /status, the status page or /metrics.
/// </summary>
internal static class FaultInvariants
{
    /// <summary>Polls the unfaulted pool-b may take to apply a change made during the fault.</summary>
    public const int OnTimePolls = 3;

    public static async Task AssertAsync(FaultRig rig, IReadOnlyDictionary<string, int> decisions, int otherObjectPolls)
    {
        var harness = rig.Harness;
        var history = await harness.Http.GetFromJsonAsync<JsonElement>(new Uri(harness.Emulator.BaseAddress, "emulator/history"));
        foreach (var (target, min, max) in FaultRig.Objects)
        {
            var counts = DaemonPrometheusEndToEndTests.HistoryCounts(history, target);
            // The first entry is the count the pool was created with (before Crema).
            counts.Skip(1).ShouldAllBe(c => c >= min && c <= max, $"{target} left [{min}, {max}]: {string.Join(" -> ", counts)}");
            // Every decision in the suite is above zero, so a zero can only come from an error.
            counts.ShouldNotContain(0, $"{target} went to zero: {string.Join(" -> ", counts)}");
            counts[^1].ShouldBe(decisions[target], $"{target} after the fault: {string.Join(" -> ", counts)}");
        }
        otherObjectPolls.ShouldBeLessThanOrEqualTo(OnTimePolls, "pool-b's change during the fault was late");

        // Still serving, and every loop still polls.
        foreach (var (target, _, _) in FaultRig.Objects)
        {
            await harness.StepAsync(FaultRig.Poll, target);
            var status = await harness.ObjectStatusAsync(target);
            status.GetProperty("desired").GetInt32().ShouldBe(decisions[target], target);
            status.GetProperty("current").GetInt32().ShouldBe(decisions[target], target);
        }
        var outputs = new Dictionary<string, string>
        {
            ["/status"] = (await harness.StatusAsync()).ToString(),
            ["status page"] = await harness.Http.GetStringAsync(harness.Daemon.BaseAddress),
            ["/metrics"] = await harness.MetricsAsync(),
        };
        await harness.StopDaemonAsync();
        outputs["logs"] = rig.Log.ToString();
        foreach (var (where, text) in outputs)
        {
            foreach (var (form, secret) in SecretForms())
            {
                text.ShouldNotContain(secret, Case.Sensitive, $"the password ({form}) is in {where}");
            }
        }
    }

    private static IEnumerable<(string Form, string Text)> SecretForms()
    {
        yield return ("raw", FaultRig.Password);
        yield return ("base64", Convert.ToBase64String(Encoding.UTF8.GetBytes(FaultRig.Password)));
        yield return ("basic auth", Convert.ToBase64String(Encoding.UTF8.GetBytes(FaultRig.User + ":" + FaultRig.Password)));
        yield return ("URL-encoded", Uri.EscapeDataString(FaultRig.Password));
    }
}
