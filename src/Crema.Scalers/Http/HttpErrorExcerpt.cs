using System.Text;

namespace Crema.Scalers.Http;

/// <summary>
/// A short, single-line excerpt of an error response body for an exception message: bounded in
/// size, control characters flattened, and any known secret replaced, so nothing sensitive is logged.
/// </summary>
internal static class HttpErrorExcerpt
{
    /// <summary>Longest excerpt kept, in characters.</summary>
    public const int MaxLength = 300;

    private const string Redacted = "[redacted]";

    /// <summary>Reads at most a few KiB of the body and returns the excerpt ("" when empty or unreadable).</summary>
    public static async Task<string> ReadAsync(HttpResponseMessage response, IEnumerable<string> secrets, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[MaxLength * 8];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return From(Encoding.UTF8.GetString(buffer, 0, read), secrets);
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
    public static string From(string body, IEnumerable<string> secrets)
    {
        var text = body;
        foreach (var secret in secrets.Where(s => s.Length > 0))
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }
        var flat = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        foreach (var c in text)
        {
            if (flat.Length > MaxLength)
            {
                break;
            }
            flat.Append(char.IsControl(c) ? ' ' : c);
        }
        var result = flat.ToString().Trim();
        return result.Length > MaxLength ? result[..MaxLength] + "…" : result;
    }
}
