using Crema.Abstractions;
using Crema.Scalers.Http;

namespace Crema.Scalers.RabbitMq;

/// <summary>Builds <c>rabbitmq</c> scalers: a queue's length or rates, over AMQP or the management HTTP API.</summary>
internal sealed class RabbitMqScalerFactory : ScalerFactory<RabbitMqMetadata>
{
    public override string Type => "rabbitmq";

    /// <inheritdoc />
    public override string Description => "a RabbitMQ queue's length or message rates";

    /// <inheritdoc />

    protected override RabbitMqMetadata Bind(MetadataBinder binder)
    {
        var queueName = binder.RequiredString(RabbitMqKeys.QueueName);
        var (mode, value) = RabbitMqModeRules.Bind(binder);
        var activationValue = binder.Double(RabbitMqKeys.ActivationValue);
        var host = binder.RequiredString(RabbitMqKeys.Host);
        var protocolText = binder.String(RabbitMqKeys.Protocol);
        var vhostName = binder.String(RabbitMqKeys.VhostName);
        var useRegex = binder.Bool(RabbitMqKeys.UseRegex);
        var excludeUnacknowledged = binder.Bool(RabbitMqKeys.ExcludeUnacknowledged);
        var pageSize = binder.Long(RabbitMqKeys.PageSize, 100);
        var operation = Enum.Parse<RabbitMqOperation>(binder.String(RabbitMqKeys.Operation) ?? "sum", ignoreCase: true);
        var timeout = binder.Duration(RabbitMqKeys.Timeout, TimeSpan.Zero, min: TimeSpan.Zero);
        var unsafeSsl = binder.Bool(RabbitMqKeys.UnsafeSsl);
        var (username, password) = BindCredentials(binder);
        var tls = BindTls(binder);
        var oauth = RabbitMqAuthRules.BindOAuth(binder, username is not null && password is not null);
        RabbitMqAuthRules.RejectWorkloadIdentity(binder);

        var protocol = ResolveProtocol(binder, host, protocolText);
        if (protocol is { } known)
        {
            CheckProtocolRules(binder, known, mode, useRegex, excludeUnacknowledged, timeout, oauth is not null);
        }

        return new RabbitMqMetadata(
            host,
            protocol ?? RabbitMqProtocol.Http,
            queueName,
            mode,
            value,
            activationValue,
            string.IsNullOrWhiteSpace(vhostName) ? null : vhostName,
            useRegex,
            excludeUnacknowledged,
            pageSize,
            operation,
            // KEDA reads 0 as "use the global HTTP timeout".
            timeout == TimeSpan.Zero ? RabbitMqMetadata.DefaultTimeout : timeout,
            unsafeSsl,
            username,
            password,
            tls,
            oauth);
    }

    protected override MetricReading ToReading(RabbitMqMetadata metadata, double value) => metadata.ToReading(value);

    protected override IScaler Create(RabbitMqMetadata metadata, ScalerContext context)
    {
        var connectionName = $"crema-{context.ScaledObjectName}-{context.TriggerName}";
        return metadata.Protocol == RabbitMqProtocol.Amqp
            ? new RabbitMqAmqpScaler(metadata, RabbitMqAmqpEndpoint.From(metadata), connectionName, context.TimeProvider)
            : RabbitMqHttpScaler.Create(metadata, context);
    }

    /// <summary>username and password override the host URL's user info, and only together (KEDA).</summary>
    private static (string? Username, string? Password) BindCredentials(MetadataBinder binder)
    {
        var hasUser = binder.Has(RabbitMqKeys.Username);
        var hasPassword = binder.Has(RabbitMqKeys.Password);
        var username = binder.String(RabbitMqKeys.Username);
        var password = binder.String(RabbitMqKeys.Password);
        if (hasUser != hasPassword)
        {
            var (missing, given) = hasUser ? (RabbitMqKeys.Password, RabbitMqKeys.Username) : (RabbitMqKeys.Username, RabbitMqKeys.Password);
            var fromEnv = binder.Context.Metadata.ContainsKey(given.Name + "FromEnv");
            binder.Fail(missing.Name, $"is required when {given.Name} is given (username and password go together)",
                fromEnv ? MetadataSource.Metadata : MetadataSource.AuthParams);
            return (null, null);
        }
        return hasUser ? (username, password) : (null, null);
    }

    private static RabbitMqTlsSettings BindTls(MetadataBinder binder)
    {
        var enabled = binder.String(RabbitMqKeys.Tls) == "enable";
        var hasCert = binder.Has(RabbitMqKeys.Cert);
        var hasKey = binder.Has(RabbitMqKeys.Key);
        if (hasCert != hasKey)
        {
            var (missing, given) = hasCert ? ("key", "cert") : ("cert", "key");
            binder.Fail(missing, $"is required when {given} is given (a client certificate needs both){MetadataError.AuthenticationRefHint}", MetadataSource.AuthParams);
        }
        return new RabbitMqTlsSettings(
            enabled,
            NullIfBlank(binder.String(RabbitMqKeys.Ca)),
            NullIfBlank(binder.String(RabbitMqKeys.Cert)),
            NullIfBlank(binder.String(RabbitMqKeys.Key)),
            NullIfBlank(binder.String(RabbitMqKeys.KeyPassword)));
    }

    /// <summary>The protocol, or null while it cannot be known (validating a host that comes from a secret or the environment).</summary>
    private static RabbitMqProtocol? ResolveProtocol(MetadataBinder binder, string host, string? protocolText)
    {
        RabbitMqProtocol? chosen = protocolText switch
        {
            "amqp" => RabbitMqProtocol.Amqp,
            "http" => RabbitMqProtocol.Http,
            _ => null,
        };
        if (host.Length == 0)
        {
            // Missing (reported) or deferred: the scheme is unknown, only an explicit protocol is known.
            return chosen;
        }
        var uri = RabbitMqHostUrl.Parse(host);
        if (uri is null)
        {
            binder.Fail(RabbitMqKeys.Host.Name, "is not an absolute URL with a host name (for example amqp://rabbitmq:5672/vhost or http://rabbitmq:15672/vhost)", HostSource(binder));
            return chosen;
        }
        var implied = RabbitMqHostUrl.ProtocolOf(uri);
        if (implied is null)
        {
            binder.Fail(RabbitMqKeys.Host.Name, $"has the unknown URL scheme \"{uri.Scheme}\"; use amqp, amqps, http or https", HostSource(binder));
            return chosen;
        }
        if (chosen is { } explicitProtocol && explicitProtocol != implied)
        {
            binder.Fail(RabbitMqKeys.Protocol.Name, $"is {Name(explicitProtocol)} but the host's scheme is {uri.Scheme}; use {(explicitProtocol == RabbitMqProtocol.Amqp ? "amqp or amqps" : "http or https")} for protocol {Name(explicitProtocol)}");
            return explicitProtocol;
        }
        return implied;
    }

    private static void CheckProtocolRules(MetadataBinder binder, RabbitMqProtocol protocol, RabbitMqMode mode, bool useRegex, bool excludeUnacknowledged, TimeSpan timeout, bool oauth)
    {
        if (protocol == RabbitMqProtocol.Http)
        {
            return;
        }
        const string needsHttp = "needs the management API (protocol http, an http or https host); the protocol is amqp";
        binder.Check(!useRegex, RabbitMqKeys.UseRegex.Name, needsHttp);
        binder.Check(!excludeUnacknowledged, RabbitMqKeys.ExcludeUnacknowledged.Name, needsHttp);
        binder.Check(!RabbitMqModes.NeedsHttp(mode), RabbitMqKeys.Mode.Name, $"{mode} {needsHttp}");
        binder.Check(timeout == TimeSpan.Zero, RabbitMqKeys.Timeout.Name, "applies only to protocol http; AMQP reads are bounded by Crema (10 s)");
        if (oauth)
        {
            binder.Fail(RabbitMqKeys.OAuthTokenUri.Name, "OAuth2 is supported only with protocol http" + MetadataError.AuthenticationRefHint, MetadataSource.AuthParams);
        }
    }

    private static MetadataSource HostSource(MetadataBinder binder) =>
        binder.Context.Metadata.ContainsKey("host") || binder.Context.Metadata.ContainsKey("hostFromEnv") ? MetadataSource.Metadata : MetadataSource.AuthParams;

    private static string Name(RabbitMqProtocol protocol) => protocol == RabbitMqProtocol.Amqp ? "amqp" : "http";

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
