namespace Crema.Scalers.Http;

/// <summary>How an HTTP scaler talks to its source through <see cref="HttpSource"/>.</summary>
internal sealed record HttpSourceOptions
{
    /// <summary>Default largest response body read: 4 MiB. A metric reply is a few KiB; a larger one is a mistake or an attack.</summary>
    public const long DefaultMaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>Most same-host redirects followed for one request.</summary>
    public const int MaxRedirects = 5;

    /// <summary>What the request does, for messages (for example "prometheus query"). Required.</summary>
    public required string Operation { get; init; }

    /// <summary>Per-request timeout, measured on the injected TimeProvider, covering the whole response. Default 3 s (KEDA's global HTTP timeout).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Largest response body read; a larger one is an error. Default <see cref="DefaultMaxResponseBytes"/>.</summary>
    public long MaxResponseBytes { get; init; } = DefaultMaxResponseBytes;

    /// <summary>The trigger's authentication. Default none.</summary>
    public HttpAuthentication Authentication { get; init; } = HttpAuthentication.None;

    /// <summary>Extra request headers (a scaler's customHeaders; their values are treated as secrets). Default none.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A bearer token obtained per request (Google identity), or null. Its value is redacted from errors.</summary>
    public Func<CancellationToken, ValueTask<string>>? BearerTokenSource { get; init; }
}
