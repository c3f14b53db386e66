using Crema.Abstractions;
using Crema.Scalers.Http;
using Keys = Crema.Scalers.MetricsApi.MetricsApiKeys;

namespace Crema.Scalers.MetricsApi;

/// <summary>Builds <c>metrics-api</c> scalers: one GET per poll, the value read at valueLocation in the response.</summary>
internal sealed class MetricsApiScalerFactory : ScalerFactory<MetricsApiMetadata>
{
    public override string Type => "metrics-api";

    /// <inheritdoc />
    public override string Description => "a number in an HTTP API's JSON, XML, YAML or Prometheus text response";

    protected override MetricsApiMetadata Bind(MetadataBinder binder)
    {
        var urlText = binder.RequiredString(Keys.Url);
        var url = CheckUrl(binder, urlText);
        var formatName = binder.String(Keys.Format);
        var location = binder.RequiredString(Keys.ValueLocation);
        var target = binder.Double(Keys.TargetValue);
        var activation = binder.Double(Keys.ActivationTargetValue);
        var unsafeSsl = binder.Bool(Keys.UnsafeSsl);
        var aggregate = binder.Bool(Keys.AggregateFromKubeServiceEndpoints);
        binder.String(Keys.AggregationType);
        var timeout = binder.Duration(Keys.Timeout, MetricsApiMetadata.DefaultTimeout, min: TimeSpan.Zero);
        var authentication = HttpAuthentication.Bind(binder, MetricsApiMetadata.AuthModes);

        binder.Check(!aggregate, Keys.AggregateFromKubeServiceEndpoints.Name,
            "\"true\" is not supported: Crema reads no Kubernetes Service endpoints (Cloud Run has none); point url at one endpoint "
            + "that reports the whole value, or read an aggregator such as Prometheus with the prometheus trigger");
        binder.Check(!binder.Context.UsePodIdentity, HttpAuthKeys.Modes.Name,
            "podIdentity is not supported by metrics-api (KEDA's metrics-api sends no pod identity either); remove podIdentity "
            + "from the triggerAuthentication and give authModes apiKey, basic, bearer or tls with their parameters");

        var format = formatName switch
        {
            "xml" => MetricsApiFormat.Xml,
            "yaml" => MetricsApiFormat.Yaml,
            "prometheus" => MetricsApiFormat.Prometheus,
            _ => MetricsApiFormat.Json,
        };
        IValueExtractor? extractor = null;
        // An unknown format is already reported; reading valueLocation in some other syntax would add a wrong error.
        if (location.Length > 0 && formatName is not null)
        {
            extractor = ValueExtractors.Create(format, location, out var error);
            binder.Check(extractor is not null, Keys.ValueLocation.Name, error ?? "");
        }

        return new MetricsApiMetadata(
            url ?? new Uri("http://unresolved/"),
            format,
            location,
            extractor ?? JsonValueExtractor.Create("unresolved", out _)!,
            target,
            activation,
            unsafeSsl,
            // KEDA reads 0 as "use the global HTTP timeout".
            timeout == TimeSpan.Zero ? MetricsApiMetadata.DefaultTimeout : timeout,
            authentication);
    }

    protected override MetricReading ToReading(MetricsApiMetadata metadata, double value) => metadata.ToReading(value);

    protected override IScaler Create(MetricsApiMetadata metadata, ScalerContext context)
    {
        var client = context.Services.GetHttpClient(metadata.Authentication.ClientSettings(metadata.UnsafeSsl));
        return new MetricsApiScaler(metadata, client, context.TimeProvider);
    }

    private static Uri? CheckUrl(MetadataBinder binder, string text)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            // A text with '@' may hold a password before it, so it is not echoed.
            binder.Fail(Keys.Url.Name, $"{(text.Contains('@', StringComparison.Ordinal) ? "the value" : $"\"{text}\"")} is not an absolute http or https URL");
            return null;
        }
        if (url.UserInfo.Length > 0)
        {
            // Not echoed: the user part may hold a password.
            binder.Fail(Keys.Url.Name, "must not carry credentials (user:password@host); use authModes basic with username and password from a triggerAuthentication");
            return null;
        }
        return url;
    }
}
