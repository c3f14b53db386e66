using System.Globalization;

namespace Crema.Scalers.Http;

/// <summary>Reads a response body whole, but never more than a cap, so one huge reply cannot take the daemon's memory.</summary>
internal static class ResponseBody
{
    /// <summary>The body's bytes; an <see cref="HttpSourceException"/> when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, long maxBytes, string operation, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
        {
            throw TooLarge(operation, maxBytes);
        }
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(operation, maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static HttpSourceException TooLarge(string operation, long maxBytes) =>
        new($"{operation} failed: the response is larger than {(maxBytes / 1024).ToString(CultureInfo.InvariantCulture)} KiB, the most Crema reads; narrow the query or endpoint");
}
