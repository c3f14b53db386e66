using Crema.Abstractions;
using Crema.Scalers.Http;

namespace Crema.Scalers.Prometheus;

/// <summary>Builds <c>prometheus</c> scalers: one instant query per poll against the Prometheus HTTP API.</summary>
internal sealed class PrometheusScalerFactory : ScalerFactory<PrometheusMetadata>
{
    /// <summary>Google's managed Prometheus API host; KEDA reaches it through podIdentity gcp.</summary>
    internal const string GoogleManagedPrometheusHost = "monitoring.googleapis.com";

    public override string Type => "prometheus";

    /// <inheritdoc />
    public override string Description => "a PromQL instant query";

    protected override PrometheusMetadata Bind(MetadataBinder binder)
    {
        var serverAddress = binder.RequiredString(PrometheusKeys.ServerAddress).Trim().TrimEnd('/');
        var serverUri = ParseHttpUrl(serverAddress);
        // Empty means missing (already reported) or read from the environment at run time.
        binder.Check(serverAddress.Length == 0 || serverUri is not null, PrometheusKeys.ServerAddress.Name, $"\"{serverAddress}\" is not an absolute http or https URL");

        var query = binder.RequiredString(PrometheusKeys.Query);
        var threshold = binder.Double(PrometheusKeys.Threshold);
        var activationThreshold = binder.Double(PrometheusKeys.ActivationThreshold);
        var ns = binder.String(PrometheusKeys.Namespace);
        var queryParameters = binder.Map(PrometheusKeys.QueryParameters);
        var customHeaders = binder.Map(PrometheusKeys.CustomHeaders);
        var ignoreNullValues = binder.Bool(PrometheusKeys.IgnoreNullValues);
        var unsafeSsl = binder.Bool(PrometheusKeys.UnsafeSsl);
        var timeout = binder.Duration(PrometheusKeys.Timeout, PrometheusMetadata.DefaultTimeout, min: TimeSpan.Zero);
        var authentication = HttpAuthentication.Bind(binder, PrometheusMetadata.AuthModes);
        // Read only for its deprecation warning.
        _ = binder.String(PrometheusKeys.CortexOrgId);

        var podIdentity = binder.Context.UsePodIdentity;
        binder.Check(!podIdentity || authentication.Modes == HttpAuthModes.None, HttpAuthKeys.Modes.Name, "cannot be combined with podIdentity");
        var googleEndpoint = string.Equals(serverUri?.Host, GoogleManagedPrometheusHost, StringComparison.OrdinalIgnoreCase);

        return new PrometheusMetadata(
            serverAddress,
            query,
            threshold,
            activationThreshold,
            string.IsNullOrWhiteSpace(ns) ? null : ns.Trim(),
            queryParameters,
            customHeaders,
            ignoreNullValues,
            unsafeSsl,
            // KEDA reads 0 as "use the default".
            timeout == TimeSpan.Zero ? PrometheusMetadata.DefaultTimeout : timeout,
            authentication,
            UseGoogleIdentity: authentication.Modes == HttpAuthModes.None && (podIdentity || googleEndpoint));
    }

    protected override MetricReading ToReading(PrometheusMetadata metadata, double value) => metadata.ToReading(value);

    protected override IScaler Create(PrometheusMetadata metadata, ScalerContext context)
    {
        var client = context.Services.GetHttpClient(metadata.Authentication.ClientSettings(metadata.UnsafeSsl));
        var googleTokens = metadata.UseGoogleIdentity ? context.Services.GoogleTokens : null;
        return new PrometheusScaler(metadata, client, googleTokens, context.TimeProvider);
    }

    private static Uri? ParseHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
}
