using System.Text;

namespace Crema.Scalers.Http;

/// <summary>A successful reply of an HTTP source, read whole within the size cap.</summary>
/// <param name="StatusCode">The HTTP status (2xx).</param>
/// <param name="MediaType">The Content-Type's media type, or null.</param>
/// <param name="Body">The body's bytes.</param>
internal sealed record HttpSourceResponse(int StatusCode, string? MediaType, byte[] Body)
{
    /// <summary>
    /// Removes every credential this request carried from a text: the configured ones and a token fetched for it
    /// (OAuth, Google identity). A reader quoting the body in an error cleans the message with it.
    /// </summary>
    public SecretRedactor Redactor { get; init; } = SecretRedactor.None;

    /// <summary>The body as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Body);
}
