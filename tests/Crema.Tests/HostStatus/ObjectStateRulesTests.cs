using Crema.Host.Status;
using static Crema.Tests.HostStatus.StatusSamples;

namespace Crema.Tests.HostStatus;

public sealed class ObjectStateRulesTests
{
    [Fact]
    public void Of_NotPolledYet_IsUnknown() =>
        ObjectStateRules.Of(Polled() with { LastPollAt = null }).ShouldBe(ObjectState.Unknown);

    [Fact]
    public void Of_ActiveAtDesired_IsActive() => ObjectStateRules.Of(Polled()).ShouldBe(ObjectState.Active);

    [Fact]
    public void Of_Inactive_IsIdle() => ObjectStateRules.Of(Polled() with { Active = false, Current = 0, Desired = 0 }).ShouldBe(ObjectState.Idle);

    [Fact]
    public void Of_DesiredDiffersFromCurrent_IsScaling() => ObjectStateRules.Of(Polled() with { Desired = 5 }).ShouldBe(ObjectState.Scaling);

    [Fact]
    public void Of_UpdateInFlight_IsScaling() =>
        ObjectStateRules.Of(Polled() with { PendingUpdate = new PendingUpdate(3, 3, T0) }).ShouldBe(ObjectState.Scaling);

    [Fact]
    public void Of_TriggerFailsWithoutFallback_IsError() =>
        ObjectStateRules.Of(Polled(Trigger(error: "connection refused"))).ShouldBe(ObjectState.Error);

    [Fact]
    public void Of_FormulaFails_IsError() =>
        ObjectStateRules.Of(Polled() with { ScalingModifiers = new ModifiersStatus("a + b", 10, 0, "AverageValue", null, false, "trigger b failed") })
            .ShouldBe(ObjectState.Error);

    [Fact]
    public void Of_TriggerInFallback_IsFallback() =>
        ObjectStateRules.Of(Polled(Trigger(error: "connection refused", fallback: true))).ShouldBe(ObjectState.Fallback);

    [Fact]
    public void Of_CompositeInFallback_IsFallback() =>
        ObjectStateRules.Of(Polled() with { ScalingModifiers = new ModifiersStatus("a", 10, 0, "AverageValue", 60, true, null) })
            .ShouldBe(ObjectState.Fallback);

    [Fact]
    public void Of_FallbackWhileScaling_IsFallback() =>
        ObjectStateRules.Of(Polled(Trigger(error: "down", fallback: true)) with { Desired = 6 }).ShouldBe(ObjectState.Fallback);

    [Fact]
    public void Of_Paused_IsPausedEvenWithAFailingTrigger() =>
        ObjectStateRules.Of(Polled(Trigger(error: "down")) with { Pause = new PauseStatus(true, 2, false, false) }).ShouldBe(ObjectState.Paused);

    [Fact]
    public void Of_OnlyScaleInPaused_IsNotPaused() =>
        ObjectStateRules.Of(Polled() with { Pause = new PauseStatus(false, null, true, false) }).ShouldBe(ObjectState.Active);

    [Fact]
    public void Of_CloudRunError_IsCantScaleBeforeAnythingElse() =>
        ObjectStateRules.Of(Polled(Trigger(error: "down")) with { LastScaleError = "404 NOT_FOUND", Pause = new PauseStatus(true, null, false, false) })
            .ShouldBe(ObjectState.CantScale);

    [Fact]
    public void Of_BackingOffFromTheTarget_IsCantScale() =>
        ObjectStateRules.Of(Polled() with { CloudRun = new CloudRunTargetStatus { State = "forbidden", CanScale = false } }).ShouldBe(ObjectState.CantScale);
}
