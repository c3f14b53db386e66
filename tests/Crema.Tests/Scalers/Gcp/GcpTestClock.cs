namespace Crema.Tests.Scalers.Gcp;

/// <summary>A clock the GCP tests set by hand (no timers needed).</summary>
internal sealed class GcpTestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
