using OpenTelemetry.Exporter;

namespace Crema.Host.Observability.Otlp;

/// <summary>
/// Where and how often <c>crema run</c> pushes its metrics over OTLP (<c>--otlp-endpoint</c> and the standard
/// <c>OTEL_*</c> variables, see <see cref="Cli.OtlpArguments"/>); null in <see cref="Daemon.DaemonOptions"/>: no export.
/// </summary>
internal sealed record OtlpExportOptions
{
    /// <summary>The OpenTelemetry SDK's own default: series per metric kept; later ones are folded into one overflow series.</summary>
    public const int DefaultCardinalityLimit = 2000;

    /// <summary>60 s, the OpenTelemetry default of OTEL_METRIC_EXPORT_INTERVAL.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(60);

    /// <summary>10 s, the OpenTelemetry default of OTEL_EXPORTER_OTLP_TIMEOUT.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Where requests go: the full URL for http/protobuf (…/v1/metrics); for gRPC the server's base address.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>http/protobuf (default, as the OTLP exporter specification recommends) or gRPC.</summary>
    public OtlpExportProtocol Protocol { get; init; } = OtlpExportProtocol.HttpProtobuf;

    /// <summary>Extra request headers as <c>key=value,…</c> (OTEL_EXPORTER_OTLP_HEADERS). May hold a token: never logged or shown.</summary>
    public string? Headers { get; init; }

    /// <summary>Time between exports; default <see cref="DefaultInterval"/>.</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>How long one export may take; default <see cref="DefaultTimeout"/>.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Series kept per metric (the SDK reserves memory for them up front); default <see cref="DefaultCardinalityLimit"/>.</summary>
    public int CardinalityLimit { get; init; } = DefaultCardinalityLimit;

    /// <summary>Scaled objects in the config at start: more than <see cref="CardinalityLimit"/> folds per-object series (warned about once).</summary>
    public int ObjectsAtStart { get; init; }

    /// <summary>The endpoint without user info or query, for logs.</summary>
    public string DisplayEndpoint => Endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    public string ProtocolName => Protocol == OtlpExportProtocol.Grpc ? "grpc" : "http/protobuf";

    /// <summary>Leaves the headers out: a record would print every property.</summary>
    public override string ToString() => $"{DisplayEndpoint} ({ProtocolName}, every {Interval.TotalSeconds:0.###} s)";
}
