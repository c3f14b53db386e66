using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Crema.Scalers.External.Grpc;
using Crema.Scalers.External.Protocol;
using Google.Protobuf;

namespace Crema.Tests.Scalers.External;

/// <summary>Framing and status decoding, on hand-made bytes and responses.</summary>
public sealed class GrpcWireTests
{
    private const string Method = "/externalscaler.ExternalScaler/IsActive";

    [Fact]
    public async Task ReadAsync_FramedMessage_RoundTrips()
    {
        using var stream = new MemoryStream(GrpcFraming.Frame(new IsActiveResponse { Result = true }));

        var body = await GrpcFraming.ReadAsync(stream, Method, null, CancellationToken.None);

        IsActiveResponse.Parser.ParseFrom(body).Result.ShouldBeTrue();
        (await GrpcFraming.ReadAsync(stream, Method, null, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task ReadAsync_GzipCompressedMessage_Decompresses()
    {
        var message = new GetMetricsResponse { MetricValues = { new MetricValue { MetricName = "queue", MetricValueFloat = 4.5 } } };
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            message.WriteTo(gzip);
        }
        var frame = new byte[5 + compressed.Length];
        frame[0] = 1;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), (int)compressed.Length);
        compressed.ToArray().CopyTo(frame, 5);

        var body = await GrpcFraming.ReadAsync(new MemoryStream(frame), Method, "gzip", CancellationToken.None);

        GetMetricsResponse.Parser.ParseFrom(body).ShouldBe(message);
    }

    [Fact]
    public async Task ReadAsync_TruncatedMessage_ThrowsInternal()
    {
        var frame = GrpcFraming.Frame(new IsActiveResponse { Result = true });

        var error = await Should.ThrowAsync<GrpcCallException>(
            () => GrpcFraming.ReadAsync(new MemoryStream(frame[..^1]), Method, null, CancellationToken.None).AsTask());

        error.StatusCode.ShouldBe(GrpcStatusCode.Internal);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "UNIMPLEMENTED")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "UNAVAILABLE")]
    [InlineData(HttpStatusCode.Unauthorized, "UNAUTHENTICATED")]
    [InlineData(HttpStatusCode.InternalServerError, "UNKNOWN")]
    public void ThrowIfHeadersFailed_HttpError_MapsToGrpcStatus(HttpStatusCode http, string expected)
    {
        using var response = new HttpResponseMessage(http);

        var error = Should.Throw<GrpcCallException>(() => GrpcResponseStatus.ThrowIfHeadersFailed(response, Method));

        GrpcCallException.ToStatusName(error.StatusCode).ShouldBe(expected);
    }

    [Fact]
    public void ThrowIfHeadersFailed_TrailersOnlyError_ThrowsWithDecodedMessage()
    {
        using var response = GrpcResponse();
        response.Headers.TryAddWithoutValidation("grpc-status", "9");
        response.Headers.TryAddWithoutValidation("grpc-message", "queue%20is%20paused");

        var error = Should.Throw<GrpcCallException>(() => GrpcResponseStatus.ThrowIfHeadersFailed(response, Method));

        error.StatusCode.ShouldBe(GrpcStatusCode.FailedPrecondition);
        error.Detail.ShouldBe("queue is paused");
    }

    [Fact]
    public void ThrowIfHeadersFailed_NotGrpcContent_ThrowsUnknown()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>") };

        Should.Throw<GrpcCallException>(() => GrpcResponseStatus.ThrowIfHeadersFailed(response, Method)).StatusCode.ShouldBe(GrpcStatusCode.Unknown);
    }

    [Fact]
    public void ThrowIfTrailersFailed_NoStatusAnywhere_ThrowsInternal()
    {
        using var response = GrpcResponse();

        Should.Throw<GrpcCallException>(() => GrpcResponseStatus.ThrowIfTrailersFailed(response, Method)).StatusCode.ShouldBe(GrpcStatusCode.Internal);
    }

    [Fact]
    public void ThrowIfTrailersFailed_OkTrailer_Passes()
    {
        using var response = GrpcResponse();
        response.TrailingHeaders.TryAddWithoutValidation("grpc-status", "0");

        Should.NotThrow(() => GrpcResponseStatus.ThrowIfTrailersFailed(response, Method));
    }

    private static HttpResponseMessage GrpcResponse()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        return response;
    }
}
