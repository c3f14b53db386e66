using System.Globalization;
using System.Security.Authentication;
using System.Text;
using Crema.Abstractions;
using Crema.Scalers.Http;
using Grpc.Core;
using Temporalio.Api.Enums.V1;

namespace Crema.Scalers.Temporal;

/// <summary>
/// Reads one <c>temporal</c> trigger: the task queue's approximate backlog, as KEDA 2.20 reads it in
/// the trigger's mode (<see cref="TemporalMode"/>). Every call carries <c>temporal-namespace</c> and, with
/// an API key, <c>authorization: Bearer</c>, and has its own deadline on the injected clock.
/// </summary>
internal sealed class TemporalScaler : IScaler
{
    /// <summary>Deadline of each call (the Go SDK's default RPC timeout).</summary>
    public static readonly TimeSpan DefaultCallDeadline = TimeSpan.FromSeconds(10);

    private readonly TemporalMetadata metadata;
    private readonly TemporalConnection connection;
    private readonly TimeProvider timeProvider;
    private readonly TimeSpan callDeadline;
    private readonly Metadata headers;
    private readonly SecretRedactor redactor;

    public TemporalScaler(TemporalMetadata metadata, TemporalConnection connection, TimeProvider timeProvider, TimeSpan? callDeadline = null)
    {
        this.metadata = metadata;
        this.connection = connection;
        this.timeProvider = timeProvider;
        this.callDeadline = callDeadline ?? DefaultCallDeadline;
        headers = new Metadata { { "temporal-namespace", metadata.Namespace } };
        if (metadata.ApiKey is { } apiKey)
        {
            headers.Add("authorization", "Bearer " + apiKey);
        }
        redactor = new SecretRedactor(metadata.ApiKey is null ? [] : [metadata.ApiKey]);
    }

    public async ValueTask<MetricReading> ReadAsync(CancellationToken cancellationToken)
    {
        var backlog = metadata.Mode switch
        {
            TemporalMode.DeploymentVersion => await ReadDeploymentVersionAsync(cancellationToken).ConfigureAwait(false),
            TemporalMode.BuildId => await ReadEnhancedAsync(cancellationToken).ConfigureAwait(false),
            _ => await ReadUnversionedAsync(cancellationToken).ConfigureAwait(false),
        };
        return metadata.ToReading(backlog);
    }

    public ValueTask DisposeAsync()
    {
        connection.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<long> ReadUnversionedAsync(CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var type in metadata.QueueTypes)
        {
            var request = TemporalRequests.Unversioned(metadata, type);
            var response = await CallAsync(
                $"DescribeTaskQueue (task queue \"{metadata.TaskQueue}\", type {Name(type)})",
                options => connection.Client.DescribeTaskQueueAsync(request, options),
                cancellationToken).ConfigureAwait(false);
            var backlog = TemporalBacklog.Of(response);
            total = total > long.MaxValue - backlog ? long.MaxValue : total + backlog; // saturates, as TemporalBacklog's sums
        }
        return total;
    }

    private async Task<long> ReadEnhancedAsync(CancellationToken cancellationToken)
    {
        var request = TemporalRequests.Enhanced(metadata);
        var what = $"DescribeTaskQueue ENHANCED (task queue \"{metadata.TaskQueue}\", buildId \"{metadata.BuildId}\")";
        var response = await CallAsync(what, options => connection.Client.DescribeTaskQueueAsync(request, options), cancellationToken).ConfigureAwait(false);
        if (TemporalBacklog.EnhancedNotSupported(response) is { } problem)
        {
            throw new TemporalReadException($"{Prefix()}: {what}: {problem}");
        }
        return TemporalBacklog.OfEnhanced(response);
    }

    private async Task<long> ReadDeploymentVersionAsync(CancellationToken cancellationToken)
    {
        var request = TemporalRequests.DeploymentVersion(metadata);
        var response = await CallAsync(
            $"DescribeWorkerDeploymentVersion (deployment \"{metadata.WorkerDeploymentName}\", build ID \"{metadata.WorkerDeploymentBuildId}\")",
            options => connection.Client.DescribeWorkerDeploymentVersionAsync(request, options),
            cancellationToken).ConfigureAwait(false);
        return TemporalBacklog.OfDeploymentVersion(response, metadata.TaskQueue, metadata.GivenQueueTypes ? metadata.QueueTypes : null);
    }

    private async Task<TResponse> CallAsync<TResponse>(string what, Func<CallOptions, AsyncUnaryCall<TResponse>> call, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(callDeadline, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var pending = call(new CallOptions(headers: headers, cancellationToken: linked.Token));
            return await pending.ResponseAsync.ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TemporalReadException(
                string.Create(CultureInfo.InvariantCulture, $"{Prefix()}: {what}: DEADLINE_EXCEEDED: no reply within {callDeadline.TotalSeconds:0.###} s"),
                StatusCode.DeadlineExceeded,
                ex);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // No inner exception: the RpcException's text is the server's, unredacted (it may echo a credential).
            throw new TemporalReadException($"{Prefix()}: {what}: {Describe(ex)}", ex.StatusCode, innerException: null);
        }
    }

    private string Prefix() =>
        $"temporal at {metadata.Endpoint} (namespace \"{metadata.Namespace}\", {(metadata.Tls is null ? "cleartext" : "TLS")}, as {metadata.Identity(connection.ClientCertificateSubject)})";

    /// <summary>The status, the server's message and the transport cause, redacted and made one line.</summary>
    private string Describe(RpcException ex)
    {
        var text = new StringBuilder(StatusName(ex.StatusCode));
        if (!string.IsNullOrWhiteSpace(ex.Status.Detail))
        {
            text.Append(": ").Append(ex.Status.Detail);
        }
        for (var cause = ex.Status.DebugException; cause is not null; cause = cause.InnerException)
        {
            if (!text.ToString().Contains(cause.Message, StringComparison.Ordinal))
            {
                text.Append(" (").Append(cause.Message).Append(')');
            }
            if (cause is AuthenticationException)
            {
                text.Append(" (TLS handshake failed: check ca, tlsServerName, cert and key, or unsafeSsl)");
                break;
            }
        }
        if (ex.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
        {
            text.Append(metadata.ApiKey is null && connection.ClientCertificateSubject is null
                ? " (no credentials were sent: give apiKey, or cert and key, in the trigger's authenticationRef)"
                : " (check the credentials in the trigger's authenticationRef)");
        }
        return redactor.Clean(text.ToString());
    }

    private static string Name(TaskQueueType type) => type.ToString().ToLowerInvariant();

    /// <summary>The canonical upper-case name (<c>NOT_FOUND</c>), as Temporal's tools print it.</summary>
    private static string StatusName(StatusCode code)
    {
        var name = code.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('_');
            }
            text.Append(char.ToUpperInvariant(name[i]));
        }
        return text.ToString();
    }
}
