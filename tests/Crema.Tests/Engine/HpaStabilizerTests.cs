using Crema.Core.Engine;
using static Crema.Tests.Engine.EngineFixtures;

namespace Crema.Tests.Engine;

public sealed class HpaStabilizerTests
{
    // Transcribed from Kubernetes horizontal_test.go TestNormalizeDesiredReplicasWithBehavior
    // (stabilizeRecommendationWithBehaviors). Recommendations are "replicas@minutes ago".
    [Theory]
    [InlineData("empty recommendations for scaling down", "", 100, 5, 0, 0, 5)]
    [InlineData("simple scale down stabilization", "4@2,5@1", 100, 3, 0, 180, 5)]
    [InlineData("simple scale up stabilization", "4@2,5@1", 1, 7, 300, 0, 4)]
    [InlineData("no scale down stabilization", "1@2,2@1", 100, 3, 300, 0, 3)]
    [InlineData("no scale up stabilization", "4@2,5@1", 1, 3, 0, 300, 3)]
    [InlineData("no scale down stabilization, reuse recommendation element", "10@10,9@9", 100, 3, 0, 0, 3)]
    [InlineData("no scale up stabilization, reuse recommendation element", "10@10,9@9", 1, 100, 0, 0, 100)]
    [InlineData("scale down stabilization, reuse one of obsolete recommendation element", "10@10,4@1,5@2,9@9", 100, 3, 0, 180, 5)]
    [InlineData("scale up stabilization, reuse one of obsolete recommendation element", "10@100,6@1,5@2,9@3", 1, 100, 300, 0, 5)]
    public void Stabilize_KubernetesCases_MatchExpected(
        string name, string recommendations, int current, int desired, int upWindow, int downWindow, int expected)
    {
        _ = name;
        var now = T0.AddHours(2);

        HpaStabilizer.Stabilize(current, desired, Parse(recommendations, now), upWindow, downWindow, now).ShouldBe(expected);
    }

    // Transcribed from Kubernetes horizontal_test.go TestNormalizeDesiredReplicas (legacy stabilizeRecommendation, 5 min window).
    [Theory]
    [InlineData("empty log", "", 5, 5)]
    [InlineData("stabilize", "4@2,5@1", 3, 5)]
    [InlineData("no stabilize", "1@2,2@1", 3, 3)]
    [InlineData("no stabilize - old recommendations", "10@10,9@9", 3, 3)]
    [InlineData("stabilize - old recommendations", "10@10,4@1,5@2,9@9", 3, 5)]
    public void StabilizeLegacy_KubernetesCases_MatchExpected(string name, string recommendations, int desired, int expected)
    {
        _ = name;
        var now = T0.AddHours(2);

        HpaStabilizer.StabilizeLegacy(desired, Parse(recommendations, now), 300, now).ShouldBe(expected);
    }

    [Fact]
    public void Decide_ScaleDownWithinWindow_WaitsForTheWindow()
    {
        var spec = Spec() with { Advanced = DefaultBehavior() };
        var first = Decide(spec, State(lastActive: T0), 5, T0, Ok(50));
        var second = Decide(spec, first.NextState, 5, T0.AddSeconds(30), Ok(10));

        var third = Decide(spec, second.NextState, 5, T0.AddSeconds(301), Ok(10));

        first.DesiredReplicas.ShouldBe(5);
        second.DesiredReplicas.ShouldBe(5);
        second.Reason.ShouldContain("stabilized to 5");
        third.DesiredReplicas.ShouldBe(1);
    }

    [Fact]
    public void Decide_ScaleUpWindow_TakesLowestRecentRecommendation()
    {
        var behavior = new Core.Configuration.HpaBehavior { ScaleUp = Rules(120, Core.Configuration.SelectPolicy.Max) };
        var spec = Spec() with { Advanced = Behavior(behavior) };
        var first = Decide(spec, State(lastActive: T0), 2, T0, Ok(30));

        var second = Decide(spec, first.NextState, first.DesiredReplicas, T0.AddSeconds(30), Ok(80));

        first.DesiredReplicas.ShouldBe(3);
        second.DesiredReplicas.ShouldBe(3);
    }

    [Fact]
    public void Decide_Recommendations_AreTrimmedToTheLongestWindow()
    {
        var spec = Spec() with { Advanced = DefaultBehavior() };
        var state = State(lastActive: T0) with { Recommendations = [new(T0, 9), new(T0.AddSeconds(200), 4)] };

        var decision = Decide(spec, state, 4, T0.AddSeconds(400), Ok(40));

        decision.NextState.Recommendations.ShouldBe([new(T0.AddSeconds(200), 4), new(T0.AddSeconds(400), 4)]);
    }

    private static List<ReplicaRecommendation> Parse(string text, DateTimeOffset now) =>
        text.Length == 0
            ? []
            : text.Split(',').Select(part =>
            {
                var pieces = part.Split('@');
                return new ReplicaRecommendation(now.AddMinutes(-int.Parse(pieces[1], System.Globalization.CultureInfo.InvariantCulture)), int.Parse(pieces[0], System.Globalization.CultureInfo.InvariantCulture));
            }).ToList();
}
