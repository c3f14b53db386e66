namespace Crema.Core.Engine;

/// <summary>The scaling-modifiers view of a poll: activity and error of the composite metric and its HPA input.</summary>
internal sealed record CompositeSignal(bool IsActive, bool IsError, HpaInput Input, string? Error);
