using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace Crema.Scalers.External.Grpc;

/// <summary>
/// Unary and server-streaming gRPC calls over a plain HttpClient with HTTP/2 (cleartext with prior
/// knowledge, or TLS with ALPN). No gRPC client package is available to this build, and these two
/// call shapes are all the external scaler protocol needs. Connection pooling is the HttpClient's:
/// calls to one address share one HTTP/2 connection.
/// </summary>
internal sealed class GrpcClient
{
    private static readonly MediaTypeHeaderValue GrpcContentType = new("application/grpc");
    private readonly HttpClient http;
    private readonly TimeProvider timeProvider;

    /// <param name="http">A client whose handler speaks HTTP/2; shared, never disposed here.</param>
    /// <param name="address">The server root, for example <c>http://127.0.0.1:6000/</c>.</param>
    /// <param name="timeProvider">The clock that measures deadlines.</param>
    public GrpcClient(HttpClient http, Uri address, TimeProvider timeProvider)
    {
        this.http = http;
        this.timeProvider = timeProvider;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>
    /// Calls a unary method (<c>/package.Service/Method</c>). The deadline is sent as <c>grpc-timeout</c>
    /// and enforced locally; either way it surfaces as DEADLINE_EXCEEDED.
    /// </summary>
    public async Task<TResponse> UnaryAsync<TResponse>(
        string method, IMessage request, MessageParser<TResponse> parser, TimeSpan deadline, CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>
    {
        using var deadlineSource = new CancellationTokenSource(deadline, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadlineSource.Token);
        try
        {
            using var message = CreateRequest(method, request, deadline);
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            GrpcResponseStatus.ThrowIfHeadersFailed(response, method);
            var body = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            var encoding = EncodingOf(response);
            var first = await GrpcFraming.ReadAsync(body, method, encoding, linked.Token).ConfigureAwait(false);
            // Read on to the end of the body: only then have the trailers arrived.
            if (first is not null && await GrpcFraming.ReadAsync(body, method, encoding, linked.Token).ConfigureAwait(false) is not null)
            {
                throw new GrpcCallException(method, GrpcStatusCode.Internal, "more than one response message to a unary call");
            }
            GrpcResponseStatus.ThrowIfTrailersFailed(response, method);
            return first is null
                ? throw new GrpcCallException(method, GrpcStatusCode.Internal, "no response message to a unary call")
                : Parse(parser, first, method);
        }
        catch (OperationCanceledException ex) when (deadlineSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new GrpcCallException(method, GrpcStatusCode.DeadlineExceeded, $"no reply within {deadline.TotalMilliseconds:0} ms", ex);
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            throw Unavailable(method, ex);
        }
    }

    /// <summary>
    /// Calls a server-streaming method and yields each message as it arrives. The sequence ends when
    /// the server closes the stream with OK; any other status throws <see cref="GrpcCallException"/>.
    /// Cancelling resets the HTTP/2 stream.
    /// </summary>
    public async IAsyncEnumerable<TResponse> ServerStreamingAsync<TResponse>(
        string method, IMessage request, MessageParser<TResponse> parser, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>
    {
        using var message = CreateRequest(method, request, deadline: null);
        using var response = await Guard(method, () => OpenStreamAsync(message, method, cancellationToken)).ConfigureAwait(false);
        var body = await Guard(method, () => response.Content.ReadAsStreamAsync(cancellationToken)).ConfigureAwait(false);
        var encoding = EncodingOf(response);
        while (true)
        {
            var next = await Guard(method, () => GrpcFraming.ReadAsync(body, method, encoding, cancellationToken).AsTask()).ConfigureAwait(false);
            if (next is null)
            {
                break;
            }
            yield return Parse(parser, next, method);
        }
        GrpcResponseStatus.ThrowIfTrailersFailed(response, method);
    }

    private async Task<HttpResponseMessage> OpenStreamAsync(HttpRequestMessage message, string method, CancellationToken cancellationToken)
    {
        var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
            GrpcResponseStatus.ThrowIfHeadersFailed(response, method);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private HttpRequestMessage CreateRequest(string method, IMessage request, TimeSpan? deadline)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(Address, method.TrimStart('/')))
        {
            // Both are needed on every request: HttpClient's defaults only apply to its helper methods,
            // and gRPC servers do not speak HTTP/1.1.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(GrpcFraming.Frame(request)),
        };
        message.Content.Headers.ContentType = GrpcContentType;
        message.Headers.TE.ParseAdd("trailers");
        message.Headers.UserAgent.ParseAdd("crema-grpc/1.0");
        if (deadline is { } timeout)
        {
            message.Headers.TryAddWithoutValidation("grpc-timeout", GrpcTimeout.Format(timeout));
        }
        return message;
    }

    private static async Task<T> Guard<T>(string method, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            throw Unavailable(method, ex);
        }
    }

    private static TResponse Parse<TResponse>(MessageParser<TResponse> parser, byte[] data, string method)
        where TResponse : IMessage<TResponse>
    {
        try
        {
            return parser.ParseFrom(data);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new GrpcCallException(method, GrpcStatusCode.Internal, "response message does not parse: " + ex.Message, ex);
        }
    }

    private static string? EncodingOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("grpc-encoding", out var values) ? values.FirstOrDefault() : null;

    private static bool IsTransportFailure(Exception ex) => ex is HttpRequestException or IOException;

    private static GrpcCallException Unavailable(string method, Exception ex)
    {
        var detail = ex.InnerException is { } inner && inner.Message != ex.Message ? $"{ex.Message} ({inner.Message})" : ex.Message;
        return new GrpcCallException(method, GrpcStatusCode.Unavailable, detail, ex);
    }
}
