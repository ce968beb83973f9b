using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace EvalKit.Llama.Gguf.Internal;

/// <summary>
/// Little-endian primitive reads that check, before every read and allocation, that the file still holds
/// enough bytes; a short or absurd length becomes a <see cref="GgufFormatException"/> naming the offset.
/// </summary>
internal sealed class GgufStreamReader(Stream stream, string path)
{
    private readonly byte[] _scratch = new byte[8];

    public string Path { get; } = path;

    public long Position { get; private set; }

    public long Length { get; } = stream.Length;

    public long Left => Length - Position;

    public uint ReadUInt32(string what) => BinaryPrimitives.ReadUInt32LittleEndian(Fill(4, what));

    public ulong ReadUInt64(string what) => BinaryPrimitives.ReadUInt64LittleEndian(Fill(8, what));

    /// <summary>Reads a count, refusing one that could not fit in the rest of the file at <paramref name="minBytesEach"/> bytes each.</summary>
    public int ReadCount(string what, string unit, int minBytesEach)
    {
        var at = Position;
        var count = ReadUInt64(what);
        if (count > (ulong)(Left / minBytesEach) || count > int.MaxValue)
            throw GgufErrors.Absurd(Path, at, what, count, unit, Left);
        return (int)count;
    }

    public byte[] ReadStringBytes(string what)
    {
        var at = Position;
        var length = ReadUInt64($"the length of {what}");
        if (length > (ulong)Left || length > int.MaxValue)
            throw GgufErrors.Absurd(Path, at, $"the length of {what}", length, "bytes", Left);
        var bytes = new byte[(int)length];
        stream.ReadExactly(bytes);
        Position += bytes.Length;
        return bytes;
    }

    public string ReadString(string what) => Encoding.UTF8.GetString(ReadStringBytes(what));

    public object ReadScalar(GgufValueType type, string what) => type switch
    {
        GgufValueType.UInt8 => Fill(1, what)[0],
        GgufValueType.Int8 => (sbyte)Fill(1, what)[0],
        GgufValueType.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(Fill(2, what)),
        GgufValueType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(Fill(2, what)),
        GgufValueType.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(Fill(4, what)),
        GgufValueType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(Fill(4, what)),
        GgufValueType.Float32 => BinaryPrimitives.ReadSingleLittleEndian(Fill(4, what)),
        GgufValueType.Bool => Fill(1, what)[0] != 0,
        GgufValueType.String => ReadString(what),
        GgufValueType.UInt64 => BinaryPrimitives.ReadUInt64LittleEndian(Fill(8, what)),
        GgufValueType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(Fill(8, what)),
        GgufValueType.Float64 => BinaryPrimitives.ReadDoubleLittleEndian(Fill(8, what)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Reads <paramref name="count"/> fixed-size elements in one go; the caller has checked the count fits.</summary>
    public T[] ReadBulk<T>(int count, string what) where T : unmanaged
    {
        var values = new T[count];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        Need(bytes.Length, what);
        stream.ReadExactly(bytes);
        Position += bytes.Length;
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("GGUF reading needs a little-endian machine.");
        return values;
    }

    private Span<byte> Fill(int count, string what)
    {
        Need(count, what);
        var span = _scratch.AsSpan(0, count);
        stream.ReadExactly(span);
        Position += count;
        return span;
    }

    private void Need(long count, string what)
    {
        if (count > Left)
            throw GgufErrors.Truncated(Path, Position, what, count, Left);
    }
}
