namespace Crema.Google;

/// <summary>
/// Base URLs of the Google APIs Crema calls. Defaults are the public endpoints; each can be
/// overridden by an environment variable (CREMA_RUN_ENDPOINT, CREMA_MONITORING_ENDPOINT,
/// CREMA_SECRETMANAGER_ENDPOINT, CREMA_PARAMETERMANAGER_ENDPOINT), e.g. to point at the emulator.
/// Credentials are only sent to https endpoints.
/// </summary>
public sealed record GoogleEndpoints
{
    /// <summary>Cloud Run Admin API; default https://run.googleapis.com.</summary>
    public Uri Run { get; init; } = new("https://run.googleapis.com/");

    /// <summary>Cloud Monitoring API; default https://monitoring.googleapis.com.</summary>
    public Uri Monitoring { get; init; } = new("https://monitoring.googleapis.com/");

    /// <summary>Secret Manager API; default https://secretmanager.googleapis.com.</summary>
    public Uri SecretManager { get; init; } = new("https://secretmanager.googleapis.com/");

    /// <summary>Cloud Storage JSON API (the lease object); default https://storage.googleapis.com, override CREMA_STORAGE_ENDPOINT.</summary>
    public Uri Storage { get; init; } = new("https://storage.googleapis.com/");

    /// <summary>
    /// Parameter Manager override; null (the default) picks the global or regional endpoint from
    /// the parameter's location (see <see cref="ParameterManagerFor"/>).
    /// </summary>
    public Uri? ParameterManager { get; init; }

    /// <summary>The public endpoints.</summary>
    public static GoogleEndpoints Default { get; } = new();

    /// <summary>Reads the overrides from the process environment.</summary>
    public static GoogleEndpoints FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Reads the overrides through <paramref name="getVariable"/> (blank values are ignored).</summary>
    public static GoogleEndpoints FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var defaults = Default;
        return new GoogleEndpoints
        {
            Run = Read(getVariable, "CREMA_RUN_ENDPOINT") ?? defaults.Run,
            Monitoring = Read(getVariable, "CREMA_MONITORING_ENDPOINT") ?? defaults.Monitoring,
            SecretManager = Read(getVariable, "CREMA_SECRETMANAGER_ENDPOINT") ?? defaults.SecretManager,
            Storage = Read(getVariable, "CREMA_STORAGE_ENDPOINT") ?? defaults.Storage,
            ParameterManager = Read(getVariable, "CREMA_PARAMETERMANAGER_ENDPOINT"),
        };
    }

    /// <summary>
    /// The Parameter Manager endpoint for a location: the override when set, otherwise
    /// parametermanager.googleapis.com for "global" and parametermanager.{location}.rep.googleapis.com otherwise.
    /// </summary>
    public Uri ParameterManagerFor(string location)
    {
        if (ParameterManager is not null)
        {
            return ParameterManager;
        }

        return string.IsNullOrEmpty(location) || string.Equals(location, "global", StringComparison.Ordinal)
            ? new Uri("https://parametermanager.googleapis.com/")
            : new Uri($"https://parametermanager.{location}.rep.googleapis.com/");
    }

    /// <summary>
    /// True when calls to <paramref name="endpoint"/> carry a bearer token. Plain http endpoints
    /// (the local emulator) never get one, so a token cannot leak in cleartext.
    /// </summary>
    public static bool SendsCredentials(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return !string.Equals(endpoint.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase);
    }

    private static Uri? Read(Func<string, string?> getVariable, string name)
    {
        var value = getVariable(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (!text.EndsWith('/'))
        {
            text += "/";
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new ArgumentException($"{name} must be an absolute http or https URL, got \"{value}\".", nameof(getVariable));
    }
}
