using Crema.Core.Configuration.Binding;

namespace Crema.Tests.Configuration;

public class NameSuggesterTests
{
    private static readonly string[] SpecFields =
        ["scaleTargetRef", "pollingInterval", "cooldownPeriod", "idleReplicaCount", "minReplicaCount", "maxReplicaCount", "advanced", "fallback", "triggers"];

    [Theory]
    [InlineData("pollingIntervall", "pollingInterval")]
    [InlineData("minReplicas", "minReplicaCount")]
    [InlineData("MAXREPLICAS", "maxReplicaCount")]
    [InlineData("idleReplicas", "idleReplicaCount")]
    [InlineData("cooldown", "cooldownPeriod")]
    [InlineData("cooldownPeriodSeconds", "cooldownPeriod")]
    [InlineData("scaleTarget", "scaleTargetRef")]
    [InlineData("trigger", "triggers")]
    public void Closest_LikelySlip_SuggestsTheField(string given, string expected) =>
        NameSuggester.Closest(given, SpecFields).ShouldBe(expected);

    [Theory]
    [InlineData("zzz")]
    [InlineData("minimum")]
    [InlineData("replicas")]
    [InlineData("maxLag")]
    [InlineData("pollingEveryFewSecondsPlease")]
    public void Closest_UnrelatedName_SuggestsNothing(string given) =>
        NameSuggester.Closest(given, SpecFields).ShouldBeNull();

    [Fact]
    public void SharedPrefix_IgnoresCase() => NameSuggester.SharedPrefix("MinReplicas", "minReplicaCount").ShouldBe(10);
}
