namespace Crema.Host.Status;

/// <summary>
/// A change of a target's count that Crema did not make, found when it read the count again:
/// <see cref="Expected"/> is what Crema last set or read, <see cref="Found"/> what Cloud Run had.
/// </summary>
internal sealed record TargetDrift(DateTimeOffset At, int Expected, int Found);
