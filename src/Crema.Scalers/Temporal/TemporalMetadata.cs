using Crema.Abstractions;
using Temporalio.Api.Enums.V1;

namespace Crema.Scalers.Temporal;

/// <summary>The typed metadata of a <c>temporal</c> trigger (KEDA 2.20's fields and defaults).</summary>
/// <param name="Endpoint">The frontend's host:port. Required.</param>
/// <param name="Namespace">The Temporal namespace, sent in each request and as <c>temporal-namespace</c>. Default "default".</param>
/// <param name="TaskQueue">The task queue. Required.</param>
/// <param name="TargetQueueSize">Backlog per replica. Default 5.</param>
/// <param name="ActivationTargetQueueSize">Active while the backlog is above this. Default 0.</param>
/// <param name="QueueTypes">Types to count, in order, without repeats. Default activity, workflow, nexus (KEDA's order); for Worker Deployment Versions an empty list means every type.</param>
/// <param name="GivenQueueTypes">True when queueTypes was written (a deployment version then filters by it).</param>
/// <param name="BuildId">Legacy Build ID; empty when not given (KEDA then still selects the Build ID ""). Default empty.</param>
/// <param name="SelectAllActive">Legacy: every active Build ID. Default false.</param>
/// <param name="SelectUnversioned">Legacy: the unversioned queue. Default false.</param>
/// <param name="WorkerDeploymentName">Worker Deployment name, or empty. Default empty.</param>
/// <param name="WorkerDeploymentBuildId">Build ID within that deployment, or empty. Default empty.</param>
/// <param name="ApiKey">Temporal Cloud API key (a secret), or null. Default none.</param>
/// <param name="MinConnectTimeout">Longest a connection attempt may take; zero means bounded only by the call's deadline. Default 5 s.</param>
/// <param name="Tls">TLS settings, or null for cleartext HTTP/2. TLS when apiKey or cert and key are given.</param>
internal sealed record TemporalMetadata(
    TemporalEndpoint Endpoint,
    string Namespace,
    string TaskQueue,
    long TargetQueueSize,
    long ActivationTargetQueueSize,
    IReadOnlyList<TaskQueueType> QueueTypes,
    bool GivenQueueTypes,
    string BuildId,
    bool SelectAllActive,
    bool SelectUnversioned,
    string WorkerDeploymentName,
    string WorkerDeploymentBuildId,
    string? ApiKey,
    TimeSpan MinConnectTimeout,
    TemporalTls? Tls)
{
    /// <summary>KEDA's default queue types, in the order it queries them.</summary>
    public static readonly IReadOnlyList<TaskQueueType> DefaultQueueTypes = [TaskQueueType.Activity, TaskQueueType.Workflow, TaskQueueType.Nexus];

    /// <summary>The backlog this trigger reads (KEDA's scalerMode).</summary>
    public TemporalMode Mode =>
        WorkerDeploymentName.Length > 0 ? TemporalMode.DeploymentVersion
        : BuildId.Length > 0 || SelectAllActive || SelectUnversioned ? TemporalMode.BuildId
        : TemporalMode.Unversioned;

    /// <summary>The reading for a backlog: active above activationTargetQueueSize (KEDA), compared with targetQueueSize.</summary>
    public MetricReading ToReading(double backlog) => new(backlog, TargetQueueSize, backlog > ActivationTargetQueueSize);

    /// <summary>Who Crema says it is, for messages: never the key itself.</summary>
    public string Identity(string? clientCertificateSubject) => (ApiKey is not null, clientCertificateSubject) switch
    {
        (true, { } subject) => $"the API key from apiKey and client certificate \"{subject}\"",
        (true, null) => "the API key from apiKey",
        (false, { } subject) => $"client certificate \"{subject}\"",
        _ => "no credentials",
    };

    /// <summary>Describes the trigger without the API key or any TLS secret.</summary>
    public override string ToString() =>
        $"{nameof(TemporalMetadata)} {{ Endpoint = {Endpoint}, Namespace = {Namespace}, TaskQueue = {TaskQueue}, Mode = {Mode}, " +
        $"TargetQueueSize = {TargetQueueSize}, ActivationTargetQueueSize = {ActivationTargetQueueSize}, QueueTypes = [{string.Join(", ", QueueTypes)}], " +
        $"BuildId = {BuildId}, SelectAllActive = {SelectAllActive}, SelectUnversioned = {SelectUnversioned}, " +
        $"WorkerDeploymentName = {WorkerDeploymentName}, WorkerDeploymentBuildId = {WorkerDeploymentBuildId}, " +
        $"ApiKey = {(ApiKey is null ? "none" : "[redacted]")}, MinConnectTimeout = {MinConnectTimeout}, Tls = {Tls?.ToString() ?? "none"} }}";
}
