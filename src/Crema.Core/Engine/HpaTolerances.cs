using Crema.Core.Configuration;

namespace Crema.Core.Engine;

/// <summary>
/// The HPA's per-direction tolerance (Kubernetes replica_calculator.go Tolerances): no change while
/// 1 - scaleDown &lt;= ratio &lt;= 1 + scaleUp. Each side is <c>behavior.scale*.tolerance</c>, else the controller
/// default 0.1 (horizontal.go reads the behavior's quantities with AsApproximateFloat64).
/// </summary>
internal sealed record HpaTolerances(double ScaleDown, double ScaleUp)
{
    public static HpaTolerances Default { get; } = new(ScalingDefaults.Tolerance, ScalingDefaults.Tolerance);

    public static HpaTolerances For(HpaBehavior? behavior) => behavior is null
        ? Default
        : new HpaTolerances(Read(behavior.ScaleDown?.Tolerance), Read(behavior.ScaleUp?.Tolerance));

    // Kubernetes' isWithin form; unlike |1 - ratio| <= 0.1 it keeps a ratio of exactly 1.1 within.
    public bool IsWithin(double ratio) => 1.0 - ScaleDown <= ratio && ratio <= 1.0 + ScaleUp;

    // The validator has rejected anything else; a value that slipped through keeps the default rather than failing a poll.
    private static double Read(string? quantity) =>
        KubernetesQuantity.TryParse(quantity, out var value) && value >= 0 ? value : ScalingDefaults.Tolerance;
}
