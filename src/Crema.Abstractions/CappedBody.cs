namespace Crema.Abstractions;

/// <summary>
/// Reads an HTTP response body whole but never more than a cap, so one huge reply from a source or an API
/// cannot take the daemon's memory. Send the request with <see cref="HttpCompletionOption.ResponseHeadersRead"/>,
/// or the client has buffered the whole body before this sees it.
/// </summary>
public static class CappedBody
{
    /// <summary>The body's bytes, or null when it is (or announces itself as) larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
        {
            return null;
        }
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
    }
}
