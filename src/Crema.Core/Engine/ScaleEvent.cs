namespace Crema.Core.Engine;

/// <summary>One applied change of the replica count (positive up, negative down), kept for the HPA rate-limit periods.</summary>
public readonly record struct ScaleEvent(DateTimeOffset At, int Change);
