using Crema.Abstractions;

namespace Crema.Scalers.Beanstalkd;

/// <summary>Builds <c>beanstalkd</c> scalers: a tube's ready and reserved (and optionally delayed) jobs from <c>stats-tube</c>.</summary>
internal sealed class BeanstalkdScalerFactory : ScalerFactory<BeanstalkdMetadata>
{
    public override string Type => "beanstalkd";

    /// <inheritdoc />
    public override string Description => "a beanstalkd tube's ready + reserved jobs (stats-tube)";

    protected override BeanstalkdMetadata Bind(MetadataBinder binder)
    {
        var server = binder.RequiredString(BeanstalkdKeys.Server).Trim();
        var (host, port) = ParseServer(server);
        binder.Check(server.Length == 0 || host is not null, BeanstalkdKeys.Server, $"\"{UntrustedText.Escape(server)}\" is not host or host:port (the port defaults to 11300)");
        var tube = binder.RequiredString(BeanstalkdKeys.Tube);
        if (tube.Length > 0 && BeanstalkdNames.Problem(tube) is { } problem)
        {
            binder.Fail(BeanstalkdKeys.Tube, problem);
        }
        var value = binder.Double(BeanstalkdKeys.Value);
        var activationValue = binder.Double(BeanstalkdKeys.ActivationValue);
        var includeDelayed = binder.Bool(BeanstalkdKeys.IncludeDelayed);
        var timeout = binder.Duration(BeanstalkdKeys.Timeout, BeanstalkdMetadata.DefaultTimeout, min: TimeSpan.Zero);
        return new BeanstalkdMetadata(
            host ?? "",
            port,
            tube,
            value,
            activationValue,
            includeDelayed,
            // 0 means no dial timeout in KEDA; every read here is bounded, so 0 means the default.
            timeout == TimeSpan.Zero ? BeanstalkdMetadata.DefaultTimeout : timeout);
    }

    protected override MetricReading ToReading(BeanstalkdMetadata metadata, double value) => metadata.ToReading(value);

    protected override IScaler Create(BeanstalkdMetadata metadata, ScalerContext context) => new BeanstalkdScaler(metadata, context.TimeProvider);

    /// <summary><c>host</c>, <c>host:port</c> or <c>[v6]:port</c>; the port defaults to 11300 (KEDA's docs).</summary>
    internal static (string? Host, int Port) ParseServer(string server)
    {
        if (server.Length == 0 || server.IndexOfAny(['/', '?', '#', '@', ' ', '\\']) >= 0
            || !Uri.TryCreate("tcp://" + server, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return (null, BeanstalkdMetadata.DefaultPort);
        }
        // An unknown scheme has no default port: Port is -1 when none is written.
        return uri.Port == 0
            ? (null, BeanstalkdMetadata.DefaultPort)
            : (uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host, uri.Port > 0 ? uri.Port : BeanstalkdMetadata.DefaultPort);
    }
}
