using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Crema.Scalers.Kafka.Protocol;

/// <summary>Writes the big-endian primitives of the Kafka protocol (non-flexible versions only).</summary>
internal sealed class KafkaWriter
{
    private readonly ArrayBufferWriter<byte> buffer = new(256);

    public int Length => buffer.WrittenCount;

    public ReadOnlyMemory<byte> WrittenMemory => buffer.WrittenMemory;

    public byte[] ToArray() => buffer.WrittenSpan.ToArray();

    public KafkaWriter Int8(sbyte value)
    {
        buffer.GetSpan(1)[0] = unchecked((byte)value);
        buffer.Advance(1);
        return this;
    }

    public KafkaWriter Bool(bool value) => Int8(value ? (sbyte)1 : (sbyte)0);

    public KafkaWriter Int16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(buffer.GetSpan(2), value);
        buffer.Advance(2);
        return this;
    }

    public KafkaWriter Int32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
        return this;
    }

    public KafkaWriter Int64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
        return this;
    }

    /// <summary>STRING: int16 length then UTF-8 bytes.</summary>
    public KafkaWriter String(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        if (count > short.MaxValue)
        {
            throw new ArgumentException("String is too long for the Kafka protocol.", nameof(value));
        }
        Int16((short)count);
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(count));
        buffer.Advance(count);
        return this;
    }

    /// <summary>NULLABLE_STRING: length -1 for null.</summary>
    public KafkaWriter NullableString(string? value) => value is null ? Int16(-1) : String(value);

    /// <summary>BYTES: int32 length then the bytes.</summary>
    public KafkaWriter Bytes(ReadOnlySpan<byte> value)
    {
        Int32(value.Length);
        value.CopyTo(buffer.GetSpan(value.Length));
        buffer.Advance(value.Length);
        return this;
    }

    /// <summary>ARRAY: int32 count then each element; a null array is count -1.</summary>
    public KafkaWriter Array<T>(IReadOnlyCollection<T>? items, Action<KafkaWriter, T> writeItem)
    {
        if (items is null)
        {
            return Int32(-1);
        }
        Int32(items.Count);
        foreach (var item in items)
        {
            writeItem(this, item);
        }
        return this;
    }
}
