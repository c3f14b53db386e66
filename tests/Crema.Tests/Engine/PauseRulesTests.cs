using Crema.Core.Engine;
using static Crema.Tests.Engine.EngineFixtures;

namespace Crema.Tests.Engine;

public sealed class PauseRulesTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("1", true)]
    [InlineData("yes", true)] // KEDA: a value that is not a boolean counts as true
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData(" false", true)] // strconv.ParseBool does not trim
    public void Read_PausedAnnotation_ParsesLikeKeda(string value, bool expected) =>
        PauseRules.Read(new Dictionary<string, string> { [PauseRules.PausedAnnotation] = value }).Paused.ShouldBe(expected);

    [Fact]
    public void Decide_Paused_HoldsEvenWhenActive()
    {
        var so = Object(Spec(), (PauseRules.PausedAnnotation, "true"));

        var decision = Decide(so, State(), 0, T0, Ok(500));

        decision.DesiredReplicas.ShouldBe(0);
        decision.Reason.ShouldBe("paused");
        decision.NextState.LastActiveTime.ShouldBeNull();
    }

    [Fact]
    public void Decide_PausedReplicas_HoldsThatCount()
    {
        var so = Object(Spec(), (PauseRules.PausedReplicasAnnotation, "4"), (PauseRules.PausedAnnotation, "false"));

        var decision = Decide(so, State(), 1, T0, Ok(500));

        decision.DesiredReplicas.ShouldBe(4);
        decision.Reason.ShouldBe("paused at 4 (paused-replicas): scale to 4");
    }

    [Fact]
    public void Decide_PausedReplicasNotANumber_FreezesCurrent()
    {
        var so = Object(Spec(), (PauseRules.PausedReplicasAnnotation, "four"));

        var decision = Decide(so, State(), 3, T0, Ok(0));

        decision.DesiredReplicas.ShouldBe(3);
        decision.Reason.ShouldContain("not a whole number");
    }

    [Fact]
    public void Decide_PausedScaleIn_NeverScalesToZeroOrDown()
    {
        var so = Object(Spec(), (PauseRules.PausedScaleInAnnotation, "true"));

        var decision = Decide(so, State(lastActive: T0), 6, T0.AddHours(1), Ok(0));

        decision.DesiredReplicas.ShouldBe(6);
    }

    [Fact]
    public void Decide_PausedScaleIn_StillScalesUp()
    {
        var so = Object(Spec(), (PauseRules.PausedScaleInAnnotation, "true"));

        var decision = Decide(so, State(lastActive: T0), 2, T0, Ok(40));

        decision.DesiredReplicas.ShouldBe(4);
    }

    [Fact]
    public void Decide_PausedScaleOut_NeitherFromZeroNorUp()
    {
        var so = Object(Spec(), (PauseRules.PausedScaleOutAnnotation, "true"));

        var atZero = Decide(so, State(), 0, T0, Ok(40));
        var atTwo = Decide(so, State(lastActive: T0), 2, T0, Ok(40));

        atZero.DesiredReplicas.ShouldBe(0);
        atZero.Reason.ShouldContain("scale-out is paused");
        atTwo.DesiredReplicas.ShouldBe(2);
    }

    [Fact]
    public void Decide_PausedScaleOut_StillScalesToZero()
    {
        var so = Object(Spec(), (PauseRules.PausedScaleOutAnnotation, "true"));

        Decide(so, State(lastActive: T0), 2, T0.AddHours(1), Ok(0)).DesiredReplicas.ShouldBe(0);
    }

    [Theory]
    [InlineData(" 4")]
    [InlineData("4 ")]
    public void Read_PausedReplicasWithSpaces_IsNotAWholeNumber(string value) =>
        PauseRules.Read(new Dictionary<string, string> { [PauseRules.PausedReplicasAnnotation] = value }).PausedReplicas.ShouldBeNull();
}
