using Crema.Abstractions;
using Temporalio.Api.Enums.V1;
using Keys = Crema.Scalers.Temporal.TemporalKeys;

namespace Crema.Scalers.Temporal;

/// <summary>Builds <c>temporal</c> scalers: the backlog of a Temporal task queue, read over gRPC.</summary>
internal sealed class TemporalScalerFactory : ScalerFactory<TemporalMetadata>
{
    public override string Type => "temporal";

    /// <inheritdoc />
    public override string Description => "the backlog of a Temporal task queue";

    protected override TemporalMetadata Bind(MetadataBinder binder)
    {
        var endpointText = binder.RequiredString(Keys.Endpoint);
        TemporalEndpoint? endpoint = null;
        if (endpointText.Length > 0)
        {
            endpoint = TemporalEndpoint.Parse(endpointText, out var error);
            binder.Check(endpoint is not null, Keys.Endpoint.Name, error ?? string.Empty);
        }
        var ns = binder.String(Keys.Namespace) ?? "default";
        var taskQueue = binder.RequiredString(Keys.TaskQueue);
        var target = binder.Long(Keys.TargetQueueSize, 5);
        var activation = binder.Long(Keys.ActivationTargetQueueSize, 0);
        var givenTypes = binder.List(Keys.QueueTypes);
        var buildId = binder.String(Keys.BuildId) ?? string.Empty;
        var allActive = binder.Bool(Keys.SelectAllActive);
        var unversioned = binder.Bool(Keys.SelectUnversioned);
        var deploymentName = binder.String(Keys.WorkerDeploymentName) ?? string.Empty;
        var deploymentBuildId = binder.String(Keys.WorkerDeploymentBuildId) ?? string.Empty;
        var apiKey = binder.String(Keys.ApiKey);
        // Long, not Int: Int passes its own lower bound, which would hide the key's NotNegative.
        var minConnectTimeout = binder.Long(Keys.MinConnectTimeout, 5, max: int.MaxValue);
        var tls = BindTls(binder, useTls: binder.Has(Keys.ApiKey));

        CheckDeployment(binder, allActive, unversioned);

        var queueTypes = givenTypes.Select(ToQueueType).Distinct().ToArray();
        return new TemporalMetadata(
            endpoint ?? new TemporalEndpoint("unresolved", TemporalEndpoint.DefaultPort),
            ns,
            taskQueue,
            target,
            activation,
            queueTypes.Length > 0 ? queueTypes : TemporalMetadata.DefaultQueueTypes,
            queueTypes.Length > 0,
            buildId,
            allActive,
            unversioned,
            deploymentName,
            deploymentBuildId,
            string.IsNullOrEmpty(apiKey) ? null : apiKey,
            TimeSpan.FromSeconds(Math.Max(0, minConnectTimeout)),
            tls);
    }

    protected override MetricReading ToReading(TemporalMetadata metadata, double value) => metadata.ToReading(value);

    protected override IScaler Create(TemporalMetadata metadata, ScalerContext context) =>
        new TemporalScaler(metadata, TemporalConnection.Open(metadata), context.TimeProvider);

    /// <summary>KEDA's TLS rule: TLS with an API key or a client certificate; the rest only refines it.</summary>
    private static TemporalTls? BindTls(MetadataBinder binder, bool useTls)
    {
        var unsafeSsl = binder.Bool(Keys.UnsafeSsl);
        var serverName = binder.String(Keys.TlsServerName);
        var cert = binder.String(Keys.Cert);
        var key = binder.String(Keys.Key);
        var keyPassword = binder.String(Keys.KeyPassword);
        var ca = binder.String(Keys.Ca);
        var hasCert = binder.Has(Keys.Cert);
        var hasKey = binder.Has(Keys.Key);
        if (hasCert != hasKey)
        {
            var (missing, given) = hasCert ? (Keys.Key.Name, Keys.Cert.Name) : (Keys.Cert.Name, Keys.Key.Name);
            binder.Fail(missing, $"is required when {given} is given (mTLS needs both cert and key){MetadataError.AuthenticationRefHint}", MetadataSource.AuthParams);
        }
        useTls |= hasCert && hasKey;
        // KEDA silently ignores these on a cleartext connection; a CA or key password nobody uses
        // means the connection is not what its author believes.
        if (!useTls && binder.Has(Keys.Ca))
        {
            binder.Fail(Keys.Ca.Name, "has no effect: the connection uses TLS only with apiKey, or with cert and key", MetadataSource.AuthParams);
        }
        if (!hasKey && binder.Has(Keys.KeyPassword))
        {
            binder.Fail(Keys.KeyPassword.Name, "has no effect without cert and key", MetadataSource.AuthParams);
        }
        if (!useTls)
        {
            return null;
        }
        var tls = new TemporalTls(unsafeSsl, string.IsNullOrWhiteSpace(serverName) ? null : serverName, ca, cert, key, keyPassword);
        if (!binder.Context.ValidationOnly)
        {
            TemporalCertificates.Check(binder, tls);
        }
        return tls;
    }

    /// <summary>A Worker Deployment Version is named by both keys, and replaces the legacy Build ID keys.</summary>
    private static void CheckDeployment(MetadataBinder binder, bool allActive, bool unversioned)
    {
        var hasName = binder.Has(Keys.WorkerDeploymentName);
        var hasBuildId = binder.Has(Keys.WorkerDeploymentBuildId);
        if (hasName != hasBuildId)
        {
            var (missing, given) = hasName ? (Keys.WorkerDeploymentBuildId.Name, Keys.WorkerDeploymentName.Name) : (Keys.WorkerDeploymentName.Name, Keys.WorkerDeploymentBuildId.Name);
            binder.Fail(missing, $"is required when {given} is given (a Worker Deployment Version is named by both)");
        }
        if (!hasName)
        {
            return;
        }
        foreach (var (legacy, given) in new[] { (Keys.BuildId, binder.Has(Keys.BuildId)), (Keys.SelectAllActive, allActive), (Keys.SelectUnversioned, unversioned) })
        {
            binder.Check(!given, legacy.Name, "cannot be combined with workerDeploymentName and workerDeploymentBuildId");
        }
    }

    private static TaskQueueType ToQueueType(string name) => name switch
    {
        "activity" => TaskQueueType.Activity,
        "nexus" => TaskQueueType.Nexus,
        _ => TaskQueueType.Workflow,
    };
}
