using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;

namespace Crema.Scalers.External.Grpc;

/// <summary>
/// gRPC length-prefixed messages: one byte compressed flag, four bytes big-endian length, the message.
/// </summary>
internal static class GrpcFraming
{
    private const int HeaderLength = 5;

    /// <summary>Largest message accepted from a server (gRPC's default receive limit).</summary>
    public const int MaxMessageLength = 4 * 1024 * 1024;

    /// <summary>Frames an uncompressed message.</summary>
    public static byte[] Frame(IMessage message)
    {
        var length = message.CalculateSize();
        var buffer = new byte[HeaderLength + length];
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(1, 4), length);
        message.WriteTo(buffer.AsSpan(HeaderLength));
        return buffer;
    }

    /// <summary>
    /// Reads the next message, or null when the stream ends cleanly between messages.
    /// <paramref name="encoding"/> is the response's <c>grpc-encoding</c> (identity or gzip).
    /// </summary>
    public static async ValueTask<byte[]?> ReadAsync(Stream stream, string method, string? encoding, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderLength];
        var read = await stream.ReadAtLeastAsync(header, HeaderLength, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return null;
        }
        if (read < HeaderLength)
        {
            throw new GrpcCallException(method, GrpcStatusCode.Internal, "response ended inside a message header");
        }
        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
        if (length > MaxMessageLength)
        {
            throw new GrpcCallException(method, GrpcStatusCode.ResourceExhausted, $"response message of {length} bytes exceeds the {MaxMessageLength} byte limit");
        }
        var body = new byte[length];
        if (await stream.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < body.Length)
        {
            throw new GrpcCallException(method, GrpcStatusCode.Internal, "response ended inside a message");
        }
        return header[0] switch
        {
            0 => body,
            1 => await DecompressAsync(body, method, encoding, cancellationToken).ConfigureAwait(false),
            _ => throw new GrpcCallException(method, GrpcStatusCode.Internal, $"invalid compressed flag {header[0]}"),
        };
    }

    private static async ValueTask<byte[]> DecompressAsync(byte[] body, string method, string? encoding, CancellationToken cancellationToken)
    {
        if (!string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            throw new GrpcCallException(method, GrpcStatusCode.Internal, $"compressed message with unsupported grpc-encoding \"{encoding}\"");
        }
        using var input = new MemoryStream(body);
        await using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int count;
        while ((count = await gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (output.Length + count > MaxMessageLength)
            {
                throw new GrpcCallException(method, GrpcStatusCode.ResourceExhausted, "decompressed message exceeds the size limit");
            }
            output.Write(buffer, 0, count);
        }
        return output.ToArray();
    }
}
