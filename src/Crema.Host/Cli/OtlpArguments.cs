using System.Globalization;
using Crema.Abstractions;
using Crema.Host.Observability.Otlp;
using OpenTelemetry.Exporter;

namespace Crema.Host.Cli;

/// <summary>
/// OTLP metrics export of <c>crema run</c>, off unless an endpoint is given: <c>--otlp-endpoint</c>, else
/// OTEL_EXPORTER_OTLP_METRICS_ENDPOINT (used as is), else OTEL_EXPORTER_OTLP_ENDPOINT (a base: http/protobuf
/// appends <c>v1/metrics</c>). OTEL_METRICS_EXPORTER=none turns the variables off. Protocol: <c>--otlp-protocol</c>,
/// else OTEL_EXPORTER_OTLP_(METRICS_)PROTOCOL, else http/protobuf. Headers: OTEL_EXPORTER_OTLP_(METRICS_)HEADERS
/// only (a flag would show a token in the process list). Interval: OTEL_METRIC_EXPORT_INTERVAL (ms, default
/// 60000); timeout: OTEL_EXPORTER_OTLP_(METRICS_)TIMEOUT (ms, default 10000); series per metric:
/// CREMA_OTLP_CARDINALITY_LIMIT (default 2000).
/// </summary>
internal static class OtlpArguments
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string MetricsEndpointVariable = "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT";
    public const string IntervalVariable = "OTEL_METRIC_EXPORT_INTERVAL";
    public const string CardinalityVariable = "CREMA_OTLP_CARDINALITY_LIMIT";

    public static IReadOnlyList<string> ProtocolNames { get; } = ["http/protobuf", "grpc"];

    public static bool TryResolve(string? endpointOption, string? protocolOption, Func<string, string?> environment, out OtlpExportOptions? options, out string? error)
    {
        options = null;
        error = null;
        var (endpoint, endpointSource, isBase) = endpointOption is not null
            ? (endpointOption, "--otlp-endpoint", true)
            : Disabled(environment) ? (null, "", false)
            : environment(MetricsEndpointVariable) is { Length: > 0 } signal ? (signal, MetricsEndpointVariable, false)
            : (environment(EndpointVariable), EndpointVariable, true);
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return environment("OTEL_METRICS_EXPORTER") is not { Length: > 0 } exporter || IsKnownExporter(exporter, out error);
        }
        if (!TryProtocol(protocolOption, environment, out var protocol, out error)
            || !TryEndpoint(endpoint.Trim(), endpointSource, isBase && protocol == OtlpExportProtocol.HttpProtobuf, out var uri, out error)
            || !TryHeaders(environment, out var headers, out error)
            || !TryMilliseconds(environment, [IntervalVariable], OtlpExportOptions.DefaultInterval, 100, out var interval, out error)
            || !TryMilliseconds(environment, ["OTEL_EXPORTER_OTLP_METRICS_TIMEOUT", "OTEL_EXPORTER_OTLP_TIMEOUT"], OtlpExportOptions.DefaultTimeout, 1, out var timeout, out error)
            || !TryCardinality(environment, out var cardinality, out error))
        {
            return false;
        }
        options = new OtlpExportOptions { Endpoint = uri!, Protocol = protocol, Headers = headers, Interval = interval, Timeout = timeout, CardinalityLimit = cardinality };
        return true;
    }

    private static bool Disabled(Func<string, string?> environment) =>
        string.Equals(environment("OTEL_METRICS_EXPORTER")?.Trim(), "none", StringComparison.OrdinalIgnoreCase);

    private static bool IsKnownExporter(string value, out string? error)
    {
        var known = value.Trim().ToLowerInvariant() is "otlp" or "none";
        error = known ? null : $"OTEL_METRICS_EXPORTER: \"{UntrustedText.Escape(value)}\" is not otlp or none (/metrics serves Prometheus whatever it says)";
        return known;
    }

    private static bool TryProtocol(string? option, Func<string, string?> environment, out OtlpExportProtocol protocol, out string? error)
    {
        error = null;
        protocol = OtlpExportProtocol.HttpProtobuf;
        var (value, source) = option is not null ? (option, "--otlp-protocol")
            : environment("OTEL_EXPORTER_OTLP_METRICS_PROTOCOL") is { Length: > 0 } m ? (m, "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL")
            : (environment("OTEL_EXPORTER_OTLP_PROTOCOL"), "OTEL_EXPORTER_OTLP_PROTOCOL");
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "http/protobuf":
                return true;
            case "grpc":
                protocol = OtlpExportProtocol.Grpc;
                return true;
            default:
                error = $"{source}: \"{UntrustedText.Escape(value!)}\" is not http/protobuf or grpc (http/json is not supported)";
                return false;
        }
    }

    private static bool TryEndpoint(string value, string source, bool appendMetricsPath, out Uri? uri, out string? error)
    {
        error = null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            // Not echoed: an endpoint may carry user info.
            error = $"{source}: not an http:// or https:// URL (for example http://localhost:4318)";
            uri = null;
            return false;
        }
        if (appendMetricsPath)
        {
            // The specification's base endpoint: the signal path goes after the base path, with one slash.
            var builder = new UriBuilder(uri) { Path = uri.AbsolutePath.TrimEnd('/') + "/v1/metrics" };
            uri = builder.Uri;
        }
        return true;
    }

    // key=value pairs separated by commas, values URL-encoded (the W3C baggage form the OTLP specification uses).
    // An error names the variable and the pair's position, never its text: a value is often a token.
    private static bool TryHeaders(Func<string, string?> environment, out string? headers, out string? error)
    {
        error = null;
        var (value, source) = environment("OTEL_EXPORTER_OTLP_METRICS_HEADERS") is { Length: > 0 } m
            ? (m, "OTEL_EXPORTER_OTLP_METRICS_HEADERS")
            : (environment("OTEL_EXPORTER_OTLP_HEADERS"), "OTEL_EXPORTER_OTLP_HEADERS");
        headers = string.IsNullOrWhiteSpace(value) ? null : value;
        if (headers is null)
        {
            return true;
        }
        // Checked as the SDK reads it: the whole text URL-decoded first, then split, each key added once (a repeated
        // key would throw when the exporter is built; a decoded control character would drop every export silently).
        var pairs = Uri.UnescapeDataString(headers).Split(',');
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pairs.Length; i++)
        {
            var equals = pairs[i].IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? "" : pairs[i][..equals].Trim();
            if (key.Length == 0 || !key.All(IsTokenChar) || pairs[i][(equals + 1)..].Any(char.IsControl))
            {
                error = $"{source}: header {i + 1} of {pairs.Length} is not key=value (a header name, then URL-encoded text without control characters); the value is not shown";
                headers = null;
                return false;
            }
            if (!keys.Add(key))
            {
                error = $"{source}: header {i + 1} of {pairs.Length} repeats the name \"{key}\"; give each header once";
                headers = null;
                return false;
            }
        }
        return true;
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);

    private static bool TryMilliseconds(Func<string, string?> environment, string[] variables, TimeSpan fallback, int minimum, out TimeSpan value, out string? error)
    {
        error = null;
        value = fallback;
        var source = variables.FirstOrDefault(v => !string.IsNullOrWhiteSpace(environment(v)));
        if (source is null)
        {
            return true;
        }
        var text = environment(source)!.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms >= minimum)
        {
            value = TimeSpan.FromMilliseconds(ms);
            return true;
        }
        error = $"{source}: \"{UntrustedText.Escape(text)}\" is not a whole number of milliseconds of at least {minimum}";
        return false;
    }

    private static bool TryCardinality(Func<string, string?> environment, out int limit, out string? error)
    {
        error = null;
        limit = OtlpExportOptions.DefaultCardinalityLimit;
        var text = environment(CardinalityVariable)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= 1_000_000)
        {
            return true;
        }
        error = $"{CardinalityVariable}: \"{UntrustedText.Escape(text)}\" is not a whole number from 1 to 1000000";
        return false;
    }
}
