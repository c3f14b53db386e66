using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Timeout;

namespace Crema.Scalers.Http;

/// <summary>
/// The one way HTTP scalers read their source: adds the trigger's credentials and headers, applies
/// a per-request timeout on the injected TimeProvider (Polly's timeout strategy), follows redirects
/// only within the configured host (a redirect elsewhere is an error, so no credential leaves it),
/// checks the status, caps the body, and words every failure without a secret in any encoding.
/// </summary>
internal sealed class HttpSource
{
    private readonly HttpClient client;
    private readonly HttpSourceOptions options;
    private readonly ResiliencePipeline timeout;
    private readonly OAuthTokenCache? oauth;
    private readonly SecretRedactor redactor;

    public HttpSource(HttpClient client, HttpSourceOptions options, TimeProvider timeProvider)
    {
        this.client = client;
        this.options = options;
        timeout = TimeoutPipelines.For(timeProvider, options.Timeout);
        var auth = options.Authentication;
        if (auth.OAuth is { } settings)
        {
            oauth = new OAuthTokenCache(client, settings, timeProvider, options.MaxResponseBytes);
        }
        var basic = auth.Modes.HasFlag(HttpAuthModes.Basic) && auth.Username is not null ? new[] { (auth.Username, auth.Password) } : [];
        redactor = new SecretRedactor(auth.SecretValues.Concat(options.Headers.Values), basic);
    }

    /// <summary>GET <paramref name="url"/>.</summary>
    public Task<HttpSourceResponse> GetAsync(string url, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, url, null, cancellationToken);

    /// <summary>Sends a request; <paramref name="content"/> makes the body (called again for a redirect that keeps it).</summary>
    public async Task<HttpSourceResponse> SendAsync(HttpMethod method, string url, Func<HttpContent>? content, CancellationToken cancellationToken)
    {
        try
        {
            return await timeout.ExecuteAsync(
                static async (state, token) => await state.Item1.SendOnceAsync(state.method, state.url, state.content, token).ConfigureAwait(false),
                (Item1: this, method, url, content),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            throw new TimeoutException(
                $"{options.Operation} timed out after {options.Timeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms");
        }
        catch (HttpRequestException e)
        {
            throw new HttpSourceException($"{options.Operation} failed: {HttpErrorExcerpt.From(e.Message, redactor)}", e);
        }
    }

    private async Task<HttpSourceResponse> SendOnceAsync(HttpMethod method, string url, Func<HttpContent>? content, CancellationToken cancellationToken)
    {
        var origin = new Uri(url);
        var target = origin;
        var extraSecret = (string?)null;
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(method, target) { Content = content?.Invoke() };
            foreach (var (name, value) in options.Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
            options.Authentication.Apply(request);
            if (oauth is not null)
            {
                extraSecret = await oauth.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", extraSecret);
            }
            if (options.BearerTokenSource is { } tokens)
            {
                extraSecret = await tokens(cancellationToken).ConfigureAwait(false);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", extraSecret);
            }

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var redact = extraSecret is null ? redactor : redactor.With(extraSecret);
            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                var next = location.IsAbsoluteUri ? location : new Uri(target, location);
                if (!SameOrigin(origin, next))
                {
                    throw new HttpSourceException(
                        $"{options.Operation} failed: {origin.Host}:{origin.Port} redirected to another host ({next.Host}:{next.Port}); " +
                        "credentials are only sent to the configured host, so point the address at the final host")
                    { StatusCode = (int)response.StatusCode };
                }
                if (redirects >= HttpSourceOptions.MaxRedirects)
                {
                    throw new HttpSourceException($"{options.Operation} failed: more than {HttpSourceOptions.MaxRedirects} redirects") { StatusCode = (int)response.StatusCode };
                }
                target = next;
                if (response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.MovedPermanently && method != HttpMethod.Head)
                {
                    method = HttpMethod.Get;
                    content = null;
                }
                continue;
            }
            if (!response.IsSuccessStatusCode)
            {
                var excerpt = await HttpErrorExcerpt.ReadAsync(response, redact, cancellationToken).ConfigureAwait(false);
                throw new HttpSourceException(
                    $"{options.Operation} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}{(excerpt.Length > 0 ? ": " + excerpt : "")}")
                { StatusCode = (int)response.StatusCode };
            }
            var body = await ResponseBody.ReadCappedAsync(response, options.MaxResponseBytes, options.Operation, cancellationToken).ConfigureAwait(false);
            return new HttpSourceResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body) { Redactor = redact };
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400 and not 304;

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
