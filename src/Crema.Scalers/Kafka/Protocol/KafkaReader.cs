using System.Buffers.Binary;
using System.Text;

namespace Crema.Scalers.Kafka.Protocol;

/// <summary>Reads the big-endian primitives of the Kafka protocol; any overrun is a protocol error.</summary>
internal sealed class KafkaReader
{
    private readonly ReadOnlyMemory<byte> data;
    private int position;

    public KafkaReader(ReadOnlyMemory<byte> data) => this.data = data;

    public int Remaining => data.Length - position;

    public sbyte Int8() => unchecked((sbyte)Take(1)[0]);

    public bool Bool() => Take(1)[0] != 0;

    public short Int16() => BinaryPrimitives.ReadInt16BigEndian(Take(2));

    public int Int32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public long Int64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

    public string String() => NullableString() ?? throw new KafkaProtocolException("Unexpected null string in a Kafka response.");

    public string? NullableString()
    {
        var length = Int16();
        if (length < 0)
        {
            return null;
        }
        return Encoding.UTF8.GetString(Take(length));
    }

    public byte[] Bytes()
    {
        var length = Int32();
        return length < 0 ? [] : Take(length).ToArray();
    }

    /// <summary>An ARRAY; a null array (count -1) reads as empty.</summary>
    public IReadOnlyList<T> Array<T>(Func<KafkaReader, T> readItem)
    {
        var count = Int32();
        if (count <= 0)
        {
            return [];
        }
        if (count > Remaining)
        {
            throw new KafkaProtocolException($"Kafka response announces {count} items but only {Remaining} bytes remain.");
        }
        var items = new T[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = readItem(this);
        }
        return items;
    }

    /// <summary>Checks the whole response was understood; trailing bytes mean a version mismatch.</summary>
    public void EnsureEnd()
    {
        if (Remaining != 0)
        {
            throw new KafkaProtocolException($"Kafka response has {Remaining} unexpected trailing bytes.");
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw new KafkaProtocolException("Kafka response is shorter than its version requires.");
        }
        var span = data.Span.Slice(position, count);
        position += count;
        return span;
    }
}
