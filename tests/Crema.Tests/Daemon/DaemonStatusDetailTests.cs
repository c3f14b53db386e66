using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Crema.Tests.Daemon;

/// <summary>What /status, /status/objects/{name} and /objects/{name} tell of a running daemon's objects.</summary>
public sealed class DaemonStatusDetailTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Status_AfterAScale_HasAnAppliedEventAndTheObjectsHour()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 2;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 0 }, [scalers]);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolA) == 2, Poll, 40, "scale to 2");
        await harness.StepAsync(TimeSpan.FromSeconds(30), DaemonConfigs.PoolA);

        var status = await harness.ObjectStatusAsync(DaemonConfigs.PoolA);
        status.GetProperty("state").GetString().ShouldBe("active");
        status.GetProperty("minReplicas").GetInt32().ShouldBe(0);
        status.GetProperty("maxReplicas").GetInt32().ShouldBe(10);
        status.GetProperty("pause").ValueKind.ShouldBe(JsonValueKind.Null);
        status.GetProperty("pendingUpdate").ValueKind.ShouldBe(JsonValueKind.Null);
        // KEDA's executor activates 0 -> 1, then the HPA sizes 1 -> 2; newest first.
        var events = status.GetProperty("events").EnumerateArray().ToArray();
        events.Select(e => (e.GetProperty("from").GetInt32(), e.GetProperty("to").GetInt32())).ShouldBe([(1, 2), (0, 1)]);
        events.ShouldAllBe(e => e.GetProperty("outcome").GetString() == "applied" && e.GetProperty("count").GetInt32() == 1);
        events[0].GetProperty("reason").GetString()!.ShouldStartWith("hpa: a=2 target=1 -> 2");
        events[1].GetProperty("at").GetDateTimeOffset().ShouldBeLessThan(events[0].GetProperty("at").GetDateTimeOffset());
        status.TryGetProperty("history", out _).ShouldBeFalse("/status stays small: the hour is on the per-object endpoint");

        var detail = await harness.Http.GetFromJsonAsync<JsonElement>(new Uri(harness.Daemon.BaseAddress, "status/objects/pool-a"));
        detail.GetProperty("scaledObject").GetProperty("name").GetString().ShouldBe("pool-a");
        var history = detail.GetProperty("history");
        history.GetProperty("bucketSeconds").GetInt32().ShouldBe(30);
        var current = Values(history.GetProperty("current"));
        current.Length.ShouldBe(120);
        current[^1].ShouldBe(2);
        current[^2].ShouldNotBeNull("the poll before the 30 s step is in the previous bucket");
        var trigger = history.GetProperty("triggers")[0];
        trigger.GetProperty("name").GetString().ShouldBe("a");
        Values(trigger.GetProperty("values"))[^1].ShouldBe(2);
        Values(trigger.GetProperty("targets"))[^1].ShouldBe(1);

        using var page = await harness.Http.GetAsync(new Uri(harness.Daemon.BaseAddress, "objects/pool-a"));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'none'");
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("<figcaption>instances</figcaption>");
        html.ShouldContain("<figcaption>trigger a (settable)</figcaption>");
        html.ShouldContain("<td class=\"o-applied\">applied</td>");

        (await harness.Http.GetAsync(new Uri(harness.Daemon.BaseAddress, "objects/none"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await harness.Http.GetAsync(new Uri(harness.Daemon.BaseAddress, "status/objects/none"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Status_DryRun_CountsOneDryRunEventUp()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 3;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers],
            configure: o => o with { DryRun = true });

        await harness.AdvanceUntilAsync(async () => (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("events")[0].GetProperty("count").GetInt32() >= 3,
            Poll, 20, "three dry-run decisions");

        var status = await harness.ObjectStatusAsync(DaemonConfigs.PoolA);
        var decision = status.GetProperty("events").EnumerateArray().ShouldHaveSingleItem();
        decision.GetProperty("outcome").GetString().ShouldBe("dry-run");
        (decision.GetProperty("from").GetInt32(), decision.GetProperty("to").GetInt32()).ShouldBe((1, 3));
        status.GetProperty("pendingUpdate").ValueKind.ShouldBe(JsonValueKind.Null, "a dry run sends nothing");
        status.GetProperty("state").GetString().ShouldBe("scaling");
    }

    [Fact]
    public async Task Status_WhileTheOperationRuns_ShowsThePendingUpdate()
    {
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 3;
        await using var harness = await DaemonHarness.StartAsync(
            DaemonConfigs.Settable((DaemonConfigs.PoolA, "a", 10)), new Dictionary<string, int> { [DaemonConfigs.PoolA] = 1 }, [scalers],
            operationDelays: new Dictionary<string, TimeSpan> { [DaemonConfigs.PoolA] = TimeSpan.FromSeconds(20) });

        await harness.AdvanceUntilAsync(async () => (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("pendingUpdate").ValueKind == JsonValueKind.Object,
            Poll, 5, "update in flight");
        var pending = (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("pendingUpdate");
        (pending.GetProperty("from").GetInt32(), pending.GetProperty("to").GetInt32()).ShouldBe((1, 3));
        (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("state").GetString().ShouldBe("scaling");
        (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("events").GetArrayLength().ShouldBe(0, "the event is written when the update ends");
        (await harness.Http.GetStringAsync(new Uri(harness.Daemon.BaseAddress, "objects/pool-a"))).ShouldContain("id=\"pending\">updating 1 → 3");

        await harness.AdvanceUntilAsync(async () => (await harness.ObjectStatusAsync(DaemonConfigs.PoolA)).GetProperty("events").GetArrayLength() == 1,
            TimeSpan.FromSeconds(5), 10, "operation done");
        var status = await harness.ObjectStatusAsync(DaemonConfigs.PoolA);
        status.GetProperty("pendingUpdate").ValueKind.ShouldBe(JsonValueKind.Null);
        status.GetProperty("events")[0].GetProperty("outcome").GetString().ShouldBe("applied");
        status.GetProperty("current").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Status_PausedAndScalingModifiers_ShowWhatTheDecisionObeyed()
    {
        var yaml = $$$"""
            apiVersion: crema/v1
            kind: CremaConfig
            spec:
              pollingInterval: 1
              scaledObjects:
                - metadata:
                    annotations: {autoscaling.keda.sh/paused-replicas: "2"}
                  spec:
                    scaleTargetRef: {name: {{{DaemonConfigs.PoolA}}}}
                    triggers:
                      - {type: settable, name: a, metadata: {key: a, target: "1"}}
                - spec:
                    scaleTargetRef: {name: {{{DaemonConfigs.PoolB}}}}
                    minReplicaCount: 1
                    maxReplicaCount: 8
                    advanced:
                      scalingModifiers: {formula: "a + b", target: "2", activationTarget: "1"}
                    triggers:
                      - {type: settable, name: a, metadata: {key: a, target: "100"}}
                      - {type: settable, name: b, metadata: {key: b, target: "100"}}
            """;
        var scalers = new SettableScalerFactory();
        scalers.Values["a"] = 3;
        scalers.Values["b"] = 1;
        await using var harness = await DaemonHarness.StartAsync(yaml,
            new Dictionary<string, int> { [DaemonConfigs.PoolA] = 2, [DaemonConfigs.PoolB] = 1 }, [scalers]);
        await harness.AdvanceUntilAsync(async () => await harness.InstancesAsync(DaemonConfigs.PoolB) == 2, Poll, 40, "the formula scales pool-b to 4 / 2");
        await harness.StepAsync(Poll, DaemonConfigs.PoolB);

        var paused = await harness.ObjectStatusAsync(DaemonConfigs.PoolA);
        paused.GetProperty("state").GetString().ShouldBe("paused");
        paused.GetProperty("pause").GetProperty("paused").GetBoolean().ShouldBeTrue();
        paused.GetProperty("pause").GetProperty("pausedReplicas").GetInt32().ShouldBe(2);

        var formula = await harness.ObjectStatusAsync(DaemonConfigs.PoolB);
        formula.GetProperty("minReplicas").GetInt32().ShouldBe(1);
        formula.GetProperty("maxReplicas").GetInt32().ShouldBe(8);
        var modifiers = formula.GetProperty("scalingModifiers");
        modifiers.GetProperty("formula").GetString().ShouldBe("a + b");
        modifiers.GetProperty("target").GetDouble().ShouldBe(2);
        modifiers.GetProperty("activationTarget").GetDouble().ShouldBe(1);
        modifiers.GetProperty("value").GetDouble().ShouldBe(4);
        formula.GetProperty("triggers")[0].GetProperty("target").GetDouble().ShouldBe(100, "the trigger's own threshold, shown as not used");
        var history = (await harness.Http.GetFromJsonAsync<JsonElement>(new Uri(harness.Daemon.BaseAddress, "status/objects/pool-b"))).GetProperty("history");
        Values(history.GetProperty("composite").GetProperty("values"))[^1].ShouldBe(4);
        Values(history.GetProperty("composite").GetProperty("targets"))[^1].ShouldBe(2);

        var page = await harness.Http.GetStringAsync(new Uri(harness.Daemon.BaseAddress, "objects/pool-b"));
        page.ShouldContain("<code>a + b</code>");
        page.ShouldContain("own target (not used)");
        (await harness.Http.GetStringAsync(new Uri(harness.Daemon.BaseAddress, "objects/pool-a"))).ShouldContain("id=\"paused\">paused at 2</span>");
    }

    private static double?[] Values(JsonElement array) =>
        array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToArray();
}
