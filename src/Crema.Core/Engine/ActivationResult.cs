namespace Crema.Core.Engine;

/// <summary>
/// What KEDA's executor step decided: replicas to set (null = leave it to the HPA step), the new lastActiveTime
/// and a human note explaining a hold (cooldown, error, pause).
/// </summary>
internal readonly record struct ActivationResult(int? Replicas, DateTimeOffset? LastActiveTime, string? Note);
