using System.Text;

namespace EvalKit.Llama.Gguf.Internal;

/// <summary>Reads and checks header, metadata and tensor table, in file order, as llama.cpp's gguf.cpp does.</summary>
internal sealed class GgufParser(Stream stream, string path)
{
    private const string TokensKey = "tokenizer.ggml.tokens";
    private const int MaxDims = 4;
    private const int MaxNameBytes = 63;

    private readonly GgufStreamReader _reader = new(stream, path);

    public GgufFile Parse()
    {
        var head = new byte[(int)Math.Min(64, _reader.Length)];
        stream.ReadExactly(head);
        stream.Seek(-head.Length, SeekOrigin.Current);
        if (head.Length < 4 || !head.AsSpan(0, 4).SequenceEqual("GGUF"u8))
            throw GgufErrors.NotGguf(path, head);
        _reader.ReadUInt32("the magic number");

        var version = _reader.ReadUInt32("the header (version)");
        if (version is not (2 or 3))
            throw GgufErrors.UnsupportedVersion(path, version);
        var tensorCount = _reader.ReadCount("the tensor count", "tensor table entries", minBytesEach: 24);
        var kvCount = _reader.ReadCount("the metadata entry count", "metadata entries", minBytesEach: 13);

        var (metadata, keys) = ReadMetadata(kvCount);
        var alignment = Alignment(metadata);
        var tensors = ReadTensorTable(tensorCount);
        var dataOffset = Align(_reader.Position, alignment);
        GgufLayout.Check(path, tensors, dataOffset, alignment, _reader.Length);
        return new GgufFile(path, version, metadata, keys, tensors, dataOffset, alignment, _reader.Length);
    }

    private (Dictionary<string, GgufValue>, List<string>) ReadMetadata(int count)
    {
        var metadata = new Dictionary<string, GgufValue>(StringComparer.Ordinal);
        var keys = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var at = _reader.Position;
            var key = _reader.ReadString($"the name of metadata entry {i}");
            if (metadata.ContainsKey(key))
                throw GgufErrors.Duplicate(path, at, "metadata key", key, keys.IndexOf(key), i);
            metadata[key] = ReadValue(key);
            keys.Add(key);
        }
        return (metadata, keys);
    }

    private GgufValue ReadValue(string key)
    {
        var what = $"the value of metadata '{GgufErrors.Printable(key)}'";
        var type = ReadValueType(what, allowArray: true);
        if (type != GgufValueType.Array)
            return GgufValue.Scalar(type, _reader.ReadScalar(type, what));

        var elementType = ReadValueType($"the element type of {what}", allowArray: false);
        var count = _reader.ReadCount($"the length of the array in {what}", "elements", MinBytes(elementType));
        return GgufValue.Array(elementType, elementType switch
        {
            GgufValueType.String => ReadStrings(count, what, key == TokensKey),
            GgufValueType.Bool => _reader.ReadBulk<byte>(count, what).Select(b => b != 0).ToArray(),
            GgufValueType.UInt8 => _reader.ReadBulk<byte>(count, what),
            GgufValueType.Int8 => _reader.ReadBulk<sbyte>(count, what),
            GgufValueType.UInt16 => _reader.ReadBulk<ushort>(count, what),
            GgufValueType.Int16 => _reader.ReadBulk<short>(count, what),
            GgufValueType.UInt32 => _reader.ReadBulk<uint>(count, what),
            GgufValueType.Int32 => _reader.ReadBulk<int>(count, what),
            GgufValueType.Float32 => _reader.ReadBulk<float>(count, what),
            GgufValueType.UInt64 => _reader.ReadBulk<ulong>(count, what),
            GgufValueType.Int64 => _reader.ReadBulk<long>(count, what),
            _ => _reader.ReadBulk<double>(count, what),
        });
    }

    private GgufValueType ReadValueType(string what, bool allowArray)
    {
        var at = _reader.Position;
        var raw = _reader.ReadUInt32($"the type of {what}");
        if (raw > (uint)GgufValueType.Float64)
            throw GgufErrors.Corrupt(path, at, $"{what} has unknown value type {raw} (GGUF value types are 0 to 12)");
        if (!allowArray && raw == (uint)GgufValueType.Array)
            throw GgufErrors.Corrupt(path, at, $"{what} is an array of arrays, which llama.cpp rejects");
        return (GgufValueType)raw;
    }

    private string[] ReadStrings(int count, string what, bool unique)
    {
        var values = new string[count];
        // Keyed by the raw bytes (Latin-1 is a bijection), as llama.cpp compares bytes, not decoded text.
        var seen = unique ? new Dictionary<string, int>(count, StringComparer.Ordinal) : null;
        for (var i = 0; i < count; i++)
        {
            var at = _reader.Position;
            var bytes = _reader.ReadStringBytes($"element {i} of {what}");
            values[i] = Encoding.UTF8.GetString(bytes);
            if (seen is null)
                continue;
            // llama.cpp renames empty tokens to "[EMPTY_<i>]" before checking.
            var raw = bytes.Length == 0 ? $"[EMPTY_{i}]" : Encoding.Latin1.GetString(bytes);
            if (!seen.TryAdd(raw, i))
                throw GgufErrors.Duplicate(path, at, "vocabulary token", values[i], seen[raw], i);
        }
        return values;
    }

    private int Alignment(Dictionary<string, GgufValue> metadata)
    {
        if (!metadata.TryGetValue("general.alignment", out var value))
            return GgufFile.DefaultAlignment;
        if (value.Value is not uint alignment)
            throw GgufErrors.Corrupt(path, 0, $"general.alignment is a {value.Type} value; it must be a UInt32 (llama.cpp aborts otherwise)");
        if (alignment == 0 || (alignment & (alignment - 1)) != 0 || alignment > 1 << 20)
            throw GgufErrors.Corrupt(path, 0, $"general.alignment is {alignment}; it must be a power of two");
        return (int)alignment;
    }

    private List<GgufTensorInfo> ReadTensorTable(int count)
    {
        var tensors = new List<GgufTensorInfo>(count);
        var names = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var at = _reader.Position;
            var nameBytes = _reader.ReadStringBytes($"the name of tensor {i}");
            var name = Encoding.UTF8.GetString(nameBytes);
            if (nameBytes.Length > MaxNameBytes)
                throw GgufErrors.Corrupt(path, at, $"tensor {i} has a {nameBytes.Length}-byte name '{GgufErrors.Printable(name)}'; llama.cpp allows at most {MaxNameBytes}");
            if (!names.TryAdd(name, i))
                throw GgufErrors.Duplicate(path, at, "tensor name", name, names[name], i);
            tensors.Add(ReadTensorShape(name));
        }
        return tensors;
    }

    private GgufTensorInfo ReadTensorShape(string realName)
    {
        var name = GgufErrors.Printable(realName);
        var at = _reader.Position;
        var dimCount = _reader.ReadUInt32($"the dimension count of tensor '{name}'");
        if (dimCount > MaxDims)
            throw GgufErrors.Corrupt(path, at, $"tensor '{name}' has {dimCount} dimensions; ggml allows at most {MaxDims}");
        var dims = new long[dimCount];
        var elements = 1L;
        for (var j = 0; j < dimCount; j++)
        {
            at = _reader.Position;
            var dim = _reader.ReadUInt64($"dimension {j} of tensor '{name}'");
            if (dim == 0 || dim > long.MaxValue || (elements = SafeMultiply(elements, (long)dim)) < 0)
                throw GgufErrors.Corrupt(path, at, $"tensor '{name}' has dimension {j} of size {dim}, " +
                    (dim == 0 ? "an empty tensor" : "more elements than any file can hold"));
            dims[j] = (long)dim;
        }
        at = _reader.Position;
        var rawType = _reader.ReadUInt32($"the type of tensor '{name}'");
        var type = (GgmlType)rawType;
        if (rawType > int.MaxValue || !GgmlTypeTraits.IsKnown(type))
            throw GgufErrors.Corrupt(path, at, $"tensor '{name}' has unknown ggml type {rawType} (known: {string.Join(", ", Enum.GetValues<GgmlType>().Select(t => (int)t))})");
        var rowLength = dimCount == 0 ? 1 : dims[0];
        if (rowLength % GgmlTypeTraits.BlockSize(type) != 0)
            throw GgufErrors.Corrupt(path, at, $"tensor '{name}' of type {type} has rows of {rowLength} elements, not a multiple of the block size {GgmlTypeTraits.BlockSize(type)}");
        at = _reader.Position;
        var offset = _reader.ReadUInt64($"the data offset of tensor '{name}'");
        if (offset > long.MaxValue)
            throw GgufErrors.Corrupt(path, at, $"tensor '{name}' has data offset {offset}, beyond any file");
        return new GgufTensorInfo(realName, dims, type, (long)offset);
    }

    private static long SafeMultiply(long a, long b) => b != 0 && a > long.MaxValue / b ? -1 : a * b;

    private static int MinBytes(GgufValueType type) => type switch
    {
        GgufValueType.UInt8 or GgufValueType.Int8 or GgufValueType.Bool => 1,
        GgufValueType.UInt16 or GgufValueType.Int16 => 2,
        GgufValueType.UInt32 or GgufValueType.Int32 or GgufValueType.Float32 => 4,
        _ => 8,
    };

    internal static long Align(long offset, int alignment) => (offset + alignment - 1) / alignment * alignment;
}
