using Crema.Core.Configuration;
using Crema.Core.Engine;
using static Crema.Tests.Engine.EngineFixtures;

namespace Crema.Tests.Engine;

public sealed class HpaRateLimiterTests
{
    private static readonly DateTimeOffset Now = T0.AddHours(1);

    // Transcribed from Kubernetes horizontal_test.go TestScalingWithRules (convertDesiredReplicasWithBehaviorRate).
    // Rules are written like its generateScalingRules(pods, podsPeriod, percent, percentPeriod): a 0 amount means
    // "no such policy", no policy at all means the direction's defaults. Events use generateEventsUniformDistribution
    // over 120 s ("up:1,5,9" = three scale-up events 100 s, 60 s and 20 s ago).
    [Theory]
    [InlineData("prenormalized desired replicas within range", 5, 7, 3, 8, "", "", "", 7, "DesiredWithinRange")]
    [InlineData("prenormalized desired replicas < minReplicas", 3, 1, 2, 8, "", "", "", 2, "TooFewReplicas")]
    [InlineData("prenormalized desired replicas within range when minReplicas is 0", 1, 0, 0, 10, "", "", "", 0, "DesiredWithinRange")]
    [InlineData("maxReplicas is the limit because maxReplicas < scaleUpLimit", 20, 1000, 1, 10, "", "", "", 10, "TooManyReplicas")]
    [InlineData("desired replica count is more than the maximum replica count", 100, 1000, 100, 150, "", "", "", 150, "TooManyReplicas")]
    [InlineData("scaleUpLimit < maxReplicas with user policies", 3, 1000, 1, 2000, "0,0,1,60", "", "", 4, "ScaleUpLimit")]
    [InlineData("scaleDownLimit > minReplicas with user defined policies", 1000, 3, 3, 2000, "", "20,60,0,0", "", 980, "ScaleDownLimit")]
    [InlineData("scaleUp with default behavior", 10, 50, 1, 1000, "", "", "", 20, "ScaleUpLimit")]
    [InlineData("scaleUp with pods policy larger than percent policy", 10, 500, 1, 1000, "100,60,100,60", "", "", 110, "ScaleUpLimit")]
    [InlineData("scaleUp with percent policy larger than pods policy", 10, 500, 1, 1000, "2,60,100,60", "", "", 20, "ScaleUpLimit")]
    [InlineData("scaleUp with spec MaxReplicas limitation with large pod policy", 10, 50, 1, 1000, "100,60,0,0", "", "", 50, "DesiredWithinRange")]
    [InlineData("scaleUp with pod policy limitation", 10, 50, 1, 1000, "30,60,0,0", "", "", 40, "ScaleUpLimit")]
    [InlineData("scaleUp with percent policy limitation", 10, 50, 1, 1000, "0,0,200,60", "", "", 30, "ScaleUpLimit")]
    [InlineData("scaleDown with percent policy larger than pod policy", 100, 2, 1, 1000, "", "20,60,1,60", "", 80, "ScaleDownLimit")]
    [InlineData("scaleDown with pod policy larger than percent policy", 100, 2, 1, 1000, "", "2,60,1,60", "", 98, "ScaleDownLimit")]
    [InlineData("scaleDown with spec MinReplicas limitation with large pod policy", 10, 0, 1, 1000, "", "100,60,0,0", "", 1, "TooFewReplicas")]
    [InlineData("scaleDown with spec MinReplicas limitation with large percent policy", 10, 2, 5, 1000, "", "0,0,100,60", "", 5, "TooFewReplicas")]
    [InlineData("scaleDown with pod policy limitation", 10, 2, 1, 1000, "", "5,60,0,0", "", 5, "ScaleDownLimit")]
    [InlineData("scaleDown with percent policy limitation", 10, 5, 1, 1000, "", "0,0,50,60", "", 5, "DesiredWithinRange")]
    [InlineData("scaleUp with spec MaxReplicas limitation with large pod policy and events", 100, 500, 1, 200, "300,60,0,0", "", "up:1,5,9", 200, "TooManyReplicas")]
    [InlineData("scaleUp with currentReplicas limitation with a lot of recent scale up events", 100, 500, 1, 1000, "5,120,0,0", "", "up:1,5,9", 100, "ScaleUpLimit")]
    [InlineData("scaleUp with pod policy and previous scale up events", 100, 500, 1, 1000, "150,120,0,0", "", "up:1,5,9", 235, "ScaleUpLimit")]
    [InlineData("scaleUp with percent policy and previous scale up events", 100, 500, 1, 1000, "0,0,200,120", "", "up:1,5,9", 255, "ScaleUpLimit")]
    [InlineData("scaleDown with default policy and previous events", 10, 5, 1, 1000, "", "", "down:1,5,9", 5, "DesiredWithinRange")]
    [InlineData("scaleDown with spec MinReplicas limitation with large pod policy and previous events", 100, 0, 5, 1000, "", "130,120,0,0", "down:1,5,9", 5, "TooFewReplicas")]
    [InlineData("scaleDown with pod policy limitation and previous events", 100, 2, 1, 1000, "", "5,120,0,0", "down:1,5,9", 100, "ScaleDownLimit")]
    [InlineData("scaleDown with percent policy limitation and previous events", 100, 0, 1, 1000, "", "0,0,50,120", "down:2,4,6", 56, "ScaleDownLimit")]
    [InlineData("scaleDown with previous events preventing further scale down", 100, 0, 1, 1000, "", "0,0,10,120", "down:10,10,10", 100, "ScaleDownLimit")]
    [InlineData("scaleDown with previous events still allowing more scale down", 10, 5, 1, 1000, "", "0,0,1000,120", "down:10,10,10", 5, "DesiredWithinRange")]
    [InlineData("check 'outdated' flag for events for one behavior for up", 100, 200, 1, 1000, "1000,60,0,0", "", "up:8,12,9,11", 200, "DesiredWithinRange")]
    [InlineData("check that events were marked 'outdated' for two different policies for down", 100, 5, 1, 1000, "", "1000,30,100,60", "down:8,12,9,11", 5, "DesiredWithinRange")]
    public void Apply_KubernetesScalingWithRulesCases_MatchExpected(
        string name, int current, int desired, int min, int max, string up, string down, string events, int expected, string condition)
    {
        _ = name;
        var result = HpaRateLimiter.Apply(
            current, desired, min, max, Events(events), HpaBehaviorResolver.ScaleUp(PolicyRules(up)), HpaBehaviorResolver.ScaleDown(PolicyRules(down)), Now);

        result.Replicas.ShouldBe(expected);
        result.Condition.ShouldBe(condition);
    }

    // Kubernetes TestCalculateScaleUpLimitWithScalingRules: selectPolicy Min, Pods 2 and Percent 50 per 60 s from 1 -> 2.
    [Fact]
    public void Apply_ScaleUpMinSelect_TakesSmallestLimit()
    {
        var up = HpaBehaviorResolver.ScaleUp(EngineFixtures.Rules(300, SelectPolicy.Min, (HpaPolicyType.Pods, 2, 60), (HpaPolicyType.Percent, 50, 60)));

        HpaRateLimiter.Apply(1, 100, 1, 1000, [], up, HpaBehaviorResolver.ScaleDown(null), Now).Replicas.ShouldBe(2);
    }

    // Kubernetes TestCalculateScaleDownLimitWithBehaviors: selectPolicy Min, Pods 2 and Percent 50 per 60 s from 5 -> 3.
    [Fact]
    public void Apply_ScaleDownMinSelect_TakesLeastRemoval()
    {
        var down = HpaBehaviorResolver.ScaleDown(EngineFixtures.Rules(300, SelectPolicy.Min, (HpaPolicyType.Pods, 2, 60), (HpaPolicyType.Percent, 50, 60)));

        HpaRateLimiter.Apply(5, 0, 1, 1000, [], HpaBehaviorResolver.ScaleUp(null), down, Now).Replicas.ShouldBe(3);
    }

    [Fact]
    public void Apply_DisabledDirection_KeepsCurrent()
    {
        var disabled = EngineFixtures.Rules(0, SelectPolicy.Disabled);

        HpaRateLimiter.Apply(4, 9, 1, 10, [], HpaBehaviorResolver.ScaleUp(disabled), HpaBehaviorResolver.ScaleDown(null), Now).Replicas.ShouldBe(4);
        HpaRateLimiter.Apply(4, 1, 1, 10, [], HpaBehaviorResolver.ScaleUp(null), HpaBehaviorResolver.ScaleDown(disabled), Now).Replicas.ShouldBe(4);
    }

    // Transcribed from Kubernetes horizontal_test.go TestConvertDesiredReplicasWithRules (no behavior). Kubernetes'
    // test raises scaleUpLimitFactor to 8; the production factor is 2, so the last case expects max(2 x 3, 4) = 6.
    [Theory]
    [InlineData(5, 7, 3, 8, 7, "DesiredWithinRange")]
    [InlineData(3, 1, 2, 8, 2, "TooFewReplicas")]
    [InlineData(1, 0, 0, 10, 0, "DesiredWithinRange")]
    [InlineData(20, 1000, 1, 10, 10, "TooManyReplicas")]
    [InlineData(3, 1000, 1, 2000, 6, "ScaleUpLimit")]
    public void ApplyLegacy_KubernetesCases_MatchExpected(int current, int desired, int min, int max, int expected, string condition)
    {
        var result = HpaRateLimiter.ApplyLegacy(current, desired, min, max);

        result.Replicas.ShouldBe(expected);
        result.Condition.ShouldBe(condition);
    }

    [Fact]
    public void Decide_RecentScaleEvents_CountTowardThePolicyPeriod()
    {
        var behavior = new HpaBehavior { ScaleUp = EngineFixtures.Rules(0, SelectPolicy.Max, (HpaPolicyType.Pods, 1, 60)) };
        var spec = Spec() with { Advanced = Behavior(behavior) };
        var first = Decide(spec, State(lastActive: T0), 1, T0, Ok(100));

        var second = Decide(spec, first.NextState, 2, T0.AddSeconds(30), Ok(100));
        var third = Decide(spec, second.NextState, 2, T0.AddSeconds(61), Ok(100));

        first.DesiredReplicas.ShouldBe(2);
        first.Reason.ShouldBe("hpa: q=100 target=10 -> 10, limited by scaleUp policy Pods 1/60s to 2");
        second.DesiredReplicas.ShouldBe(2);
        second.Reason.ShouldStartWith("no change: hpa:");
        third.DesiredReplicas.ShouldBe(3);
        third.NextState.ScaleEvents.ShouldBe([new ScaleEvent(T0.AddSeconds(61), 1)]);
    }

    [Fact]
    public void Decide_NoBehavior_UsesLegacyScaleUpLimit()
    {
        var decision = Decide(Spec(), State(lastActive: T0), 1, T0, Ok(100));

        decision.DesiredReplicas.ShouldBe(4);
        decision.Reason.ShouldContain("limited by default scale-up limit");
    }

    private static HpaScalingRules? PolicyRules(string spec)
    {
        if (spec.Length == 0)
        {
            return null;
        }

        var n = spec.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var policies = new List<(HpaPolicyType, int, int)>();
        if (n[0] != 0)
        {
            policies.Add((HpaPolicyType.Pods, n[0], n[1]));
        }

        if (n[2] != 0)
        {
            policies.Add((HpaPolicyType.Percent, n[2], n[3]));
        }

        return EngineFixtures.Rules(0, SelectPolicy.Max, [.. policies]);
    }

    // Kubernetes generateEventsUniformDistribution(events, 120): event i sits in the middle of the i-th of n equal
    // segments counted from 120 s ago; down events are stored here as negative changes.
    private static List<ScaleEvent> Events(string spec)
    {
        if (spec.Length == 0)
        {
            return [];
        }

        var sign = spec.StartsWith("down:", StringComparison.Ordinal) ? -1 : 1;
        var changes = spec[(spec.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(',')
            .Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var segment = 120.0 / changes.Length;
        return changes
            .Select((change, i) => new ScaleEvent(Now.AddSeconds(-(120 - (segment * (i + 1)) + (segment / 2))), sign * change))
            .ToList();
    }
}
