using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Crema.Scalers.External;
using Crema.Scalers.External.Protocol;
using FsCheck.Fluent;
using Google.Protobuf;
using Grpc.Net.Client;

namespace Crema.Tests.Fuzzing;

internal static partial class FuzzTargets
{
    /// <summary>
    /// external-push StreamIsActive replies through Grpc.Net.Client and the scaler's client: the first line is the
    /// grpc-status trailer (none when empty), the second the grpc-message trailer, the rest the length-prefixed
    /// IsActiveResponse frames (Latin-1). The stream yields activities or fails with a clean call error.
    /// </summary>
    private static FuzzTarget ExternalPushStream()
    {
        static string Frames(params bool[] results) => FuzzInputs.Latin1([.. results.SelectMany(r => Frame(new IsActiveResponse { Result = r }))]);
        string[] seeds =
        [
            "0\n\n" + Frames(true, false, true),
            "14\nupstream connect error or disconnect/reset before headers\n" + Frames(true),
            "3\nunknown queue \"%1B[2Jorders%E2%80%AE\"\n",
            "\n\n" + Frames(false),
            "0\n\n\u0000\u0000\u0000\u0000\u0002\u0008",
        ];
        var inputs = Gen.Frequency((1, Gen.Elements(seeds)), (6, FuzzInputs.Mutated(seeds, [.. BinaryTokens, "%", "%00", "%1b", "%E2%80%A8", "\n", "0", "13", "8"])), (1, FuzzInputs.Bytes().Select(b => "0\n\n" + b)));
        var handler = new FuzzGrpcHandler();
        var address = new Uri("http://127.0.0.1:9/");
        var client = new ExternalScalerClient(new ExternalChannelLease(address, GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, MaxReceiveMessageSize = 4 << 20 }), () => { }), TimeProvider.System);
        var reference = new ScaledObjectRef { Name = "worker", Namespace = "crema" };
        return new FuzzTarget("external-push-stream", inputs, text =>
        {
            handler.Reply = text;
            var pushed = 0;
            foreach (var _ in client.StreamIsActiveAsync(reference, CancellationToken.None).ToBlockingEnumerable())
            {
                pushed++;
            }
            return pushed < 0 ? "impossible" : null;
        }, typeof(ExternalScalerCallException));
    }

    private static byte[] Frame(IMessage message)
    {
        var body = message.ToByteArray();
        var frame = new byte[5 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)body.Length);
        body.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>Answers every gRPC call with the reply text of <see cref="ExternalPushStream"/>, as an HTTP/2 server would.</summary>
    private sealed class FuzzGrpcHandler : HttpMessageHandler
    {
        public string Reply { get; set; } = "0\n\n";

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var first = Reply.IndexOf('\n', StringComparison.Ordinal);
            var second = first < 0 ? -1 : Reply.IndexOf('\n', first + 1);
            var status = first < 0 ? Reply : Reply[..first];
            var message = second < 0 ? string.Empty : Reply[(first + 1)..second];
            var body = second < 0 ? string.Empty : Reply[(second + 1)..];
            var content = new ByteArrayContent(FuzzInputs.FromLatin1(body));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version20, Content = content, RequestMessage = request };
            if (status.Length > 0)
            {
                response.TrailingHeaders.TryAddWithoutValidation("grpc-status", status);
                response.TrailingHeaders.TryAddWithoutValidation("grpc-message", message);
            }
            return Task.FromResult(response);
        }
    }
}
