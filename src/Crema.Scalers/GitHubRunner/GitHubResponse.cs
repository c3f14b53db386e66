using System.Net;
using Octokit;

namespace Crema.Scalers.GitHubRunner;

/// <summary>
/// One GitHub reply as Octokit reads it, plus the request it answered and the reason phrase, so an
/// error raised by Octokit from it can name the call (Octokit's own exceptions do not).
/// </summary>
internal sealed class GitHubResponse : IResponse
{
    public GitHubResponse(
        HttpStatusCode statusCode, string? reasonPhrase, string? body, string? contentType,
        IReadOnlyDictionary<string, string> headers, HttpMethod method, Uri requestUri)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Body = body!;
        ContentType = contentType!;
        Headers = headers;
        Method = method;
        RequestUri = requestUri;
        ApiInfo = new ApiInfo(
            GitHubLinkHeader.All(Header("Link")),
            [],
            [],
            Header("ETag")!,
            new RateLimit(headers.ToDictionary(StringComparer.OrdinalIgnoreCase)),
            TimeSpan.Zero);
    }

    public object Body { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public ApiInfo ApiInfo { get; }

    public HttpStatusCode StatusCode { get; }

    public string ContentType { get; }

    public string? ReasonPhrase { get; }

    public HttpMethod Method { get; }

    public Uri RequestUri { get; }

    /// <summary>The path of the request without its query, for messages.</summary>
    public string Describe() => $"{Method} {RequestUri.GetLeftPart(UriPartial.Path)}";

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
