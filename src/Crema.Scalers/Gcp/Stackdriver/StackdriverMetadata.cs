using Crema.Scalers.Gcp.Monitoring;

namespace Crema.Scalers.Gcp.Stackdriver;

/// <summary>
/// Bound metadata of a gcp-stackdriver trigger. Defaults: targetValue 5, activationTargetValue 0,
/// filterDuration 2 minutes, no aggregation (alignmentPeriodSeconds unset).
/// </summary>
/// <param name="ProjectId">The project whose metrics are read.</param>
/// <param name="Filter">The user's Monitoring filter (must name a metric.type).</param>
/// <param name="TargetValue">Target value per replica.</param>
/// <param name="ActivationTargetValue">Active above this value.</param>
/// <param name="ValueIfNull">Value when no point is found; null makes that an error.</param>
/// <param name="FilterDuration">How far back to look for points (filterDuration, in minutes).</param>
/// <param name="Aggregation">Alignment and reduction, or null when alignmentPeriodSeconds is unset.</param>
/// <param name="Credentials">The identity to call Cloud Monitoring with.</param>
internal sealed record StackdriverMetadata(
    string ProjectId,
    string Filter,
    double TargetValue,
    double ActivationTargetValue,
    double? ValueIfNull,
    TimeSpan FilterDuration,
    MonitoringAggregation? Aggregation,
    GcpCredentials Credentials);
