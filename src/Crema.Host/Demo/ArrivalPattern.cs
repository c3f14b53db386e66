namespace Crema.Host.Demo;

/// <summary>
/// Messages per second arriving at the demo queue, as a fraction of the demo's length: a large burst,
/// a pause, a smaller burst, then quiet so the pool can go back to zero before the end.
/// </summary>
internal static class ArrivalPattern
{
    public static double At(double second, double duration) => (second / duration) switch
    {
        >= 0.05 and < 0.30 => 60,
        >= 0.45 and < 0.55 => 25,
        _ => 0,
    };
}
