namespace Crema.Host.Status;

/// <summary>One trigger's (or the composite metric's) values and targets over the last hour, bucket by bucket.</summary>
internal sealed record TriggerHistory(string Name, IReadOnlyList<float?> Values, IReadOnlyList<float?> Targets);
