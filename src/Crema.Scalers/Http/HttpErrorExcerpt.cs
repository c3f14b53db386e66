using System.Text;
using Crema.Abstractions;

namespace Crema.Scalers.Http;

/// <summary>
/// A short, single-line excerpt of an error response body for an exception message: bounded in
/// size, control characters flattened or escaped, and every form of every known secret replaced
/// (see <see cref="SecretRedactor"/>), so nothing sensitive is logged.
/// </summary>
internal static class HttpErrorExcerpt
{
    /// <summary>Longest excerpt kept, in characters.</summary>
    public const int MaxLength = 300;

    /// <summary>Reads at most a few KiB of the body and returns the excerpt ("" when empty or unreadable).</summary>
    public static Task<string> ReadAsync(HttpResponseMessage response, IEnumerable<string> secrets, CancellationToken cancellationToken) =>
        ReadAsync(response, new SecretRedactor(secrets), cancellationToken);

    /// <summary>Reads at most a few KiB of the body and returns the excerpt ("" when empty or unreadable).</summary>
    public static async Task<string> ReadAsync(HttpResponseMessage response, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[MaxLength * 8];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return From(Encoding.UTF8.GetString(buffer, 0, read), redactor);
        }
        catch (HttpRequestException)
        {
            return "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Makes the excerpt from text already read.</summary>
    public static string From(string body, IEnumerable<string> secrets) => From(body, new SecretRedactor(secrets));

    /// <summary>Makes the excerpt from text already read.</summary>
    public static string From(string body, SecretRedactor redactor)
    {
        var text = redactor.Clean(body).Trim();
        return text.Length > MaxLength ? text[..MaxLength] + "…" : text;
    }
}
