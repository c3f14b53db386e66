using Crema.Scalers.Gcp.Monitoring;

namespace Crema.Scalers.Gcp.CloudTasks;

/// <summary>
/// Bound metadata of a gcp-cloudtasks trigger. Defaults: value 100, activationValue 0,
/// filterDuration 2 minutes.
/// </summary>
/// <param name="ProjectId">The queue's project.</param>
/// <param name="QueueId">The short queue id.</param>
/// <param name="Location">The queue's location from a full queue name, or null (any location).</param>
/// <param name="Value">Target tasks per replica.</param>
/// <param name="ActivationValue">Active above this many tasks.</param>
/// <param name="ValueIfNull">Value when no point is found (a Crema extension); null makes that an error.</param>
/// <param name="FilterDuration">How far back to look for points.</param>
/// <param name="Credentials">The identity to call Cloud Monitoring with.</param>
internal sealed record CloudTasksMetadata(
    string ProjectId,
    string QueueId,
    string? Location,
    double Value,
    double ActivationValue,
    double? ValueIfNull,
    TimeSpan FilterDuration,
    GcpCredentials Credentials);
