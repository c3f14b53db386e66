using System.Globalization;
using Crema.Abstractions;

namespace Crema.Scalers.Http;

/// <summary>Reads a response body whole, but never more than a cap, so one huge reply cannot take the daemon's memory.</summary>
internal static class ResponseBody
{
    /// <summary>The body's bytes; an <see cref="HttpSourceException"/> when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, long maxBytes, string operation, CancellationToken cancellationToken) =>
        await CappedBody.ReadAsync(response, maxBytes, cancellationToken).ConfigureAwait(false) ?? throw TooLarge(operation, maxBytes);

    private static HttpSourceException TooLarge(string operation, long maxBytes) =>
        new($"{operation} failed: the response is larger than {(maxBytes / 1024).ToString(CultureInfo.InvariantCulture)} KiB, the most Crema reads; narrow the query or endpoint");
}
