using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Crema.Scalers.External.Grpc;

/// <summary>
/// Turns a gRPC response's HTTP status, headers and trailers into success or a <see cref="GrpcCallException"/>.
/// A failing server often answers "trailers-only": grpc-status arrives in the headers with no body.
/// </summary>
internal static class GrpcResponseStatus
{
    private const string StatusKey = "grpc-status";
    private const string MessageKey = "grpc-message";

    /// <summary>Checks the response headers before any message is read.</summary>
    public static void ThrowIfHeadersFailed(HttpResponseMessage response, string method)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // The mapping of grpc/doc/http-grpc-status-mapping.md, for proxies and non-gRPC servers.
            var code = response.StatusCode switch
            {
                HttpStatusCode.BadRequest => GrpcStatusCode.Internal,
                HttpStatusCode.Unauthorized => GrpcStatusCode.Unauthenticated,
                HttpStatusCode.Forbidden => GrpcStatusCode.PermissionDenied,
                HttpStatusCode.NotFound => GrpcStatusCode.Unimplemented,
                HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
                    or HttpStatusCode.GatewayTimeout => GrpcStatusCode.Unavailable,
                _ => GrpcStatusCode.Unknown,
            };
            throw new GrpcCallException(method, code, $"HTTP status {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd());
        }
        if (TryRead(response.Headers, out var status, out var detail))
        {
            if (status != GrpcStatusCode.Ok)
            {
                throw new GrpcCallException(method, status, detail);
            }
            return;
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || !mediaType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            throw new GrpcCallException(method, GrpcStatusCode.Unknown, $"response content type \"{mediaType}\" is not application/grpc");
        }
    }

    /// <summary>Checks the status once the body has been read to its end.</summary>
    public static void ThrowIfTrailersFailed(HttpResponseMessage response, string method)
    {
        if (!TryRead(response.TrailingHeaders, out var code, out var detail) && !TryRead(response.Headers, out code, out detail))
        {
            throw new GrpcCallException(method, GrpcStatusCode.Internal, "response ended without a grpc-status trailer");
        }
        if (code != GrpcStatusCode.Ok)
        {
            throw new GrpcCallException(method, code, detail);
        }
    }

    private static bool TryRead(HttpHeaders headers, out GrpcStatusCode code, out string? detail)
    {
        code = GrpcStatusCode.Unknown;
        detail = null;
        if (!headers.TryGetValues(StatusKey, out var statuses))
        {
            return false;
        }
        var text = statuses.FirstOrDefault();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            detail = $"unparseable grpc-status \"{text}\"";
            return true;
        }
        code = (GrpcStatusCode)number;
        if (headers.TryGetValues(MessageKey, out var messages))
        {
            detail = Uri.UnescapeDataString(string.Join(",", messages));
        }
        return true;
    }
}
