namespace EvalKit.Llama.Gguf;

/// <summary>
/// The header, metadata and tensor table of a GGUF file, read by <see cref="GgufReader"/> without the weights.
/// Metadata keeps the file's key order.
/// </summary>
public sealed class GgufFile
{
    /// <summary>The alignment of tensor data when <c>general.alignment</c> is absent.</summary>
    public const int DefaultAlignment = 32;

    internal GgufFile(string path, uint version, IReadOnlyDictionary<string, GgufValue> metadata, IReadOnlyList<string> keyOrder,
        IReadOnlyList<GgufTensorInfo> tensors, long dataOffset, int alignment, long fileSize)
    {
        Path = path;
        Version = version;
        Metadata = metadata;
        Keys = keyOrder;
        Tensors = tensors;
        DataOffset = dataOffset;
        Alignment = alignment;
        FileSize = fileSize;
    }

    /// <summary>The path (or display name) the file was read from.</summary>
    public string Path { get; }

    /// <summary>GGUF format version: 2 or 3.</summary>
    public uint Version { get; }

    public IReadOnlyDictionary<string, GgufValue> Metadata { get; }

    /// <summary>Metadata keys in file order.</summary>
    public IReadOnlyList<string> Keys { get; }

    public IReadOnlyList<GgufTensorInfo> Tensors { get; }

    /// <summary>Absolute byte offset where tensor data begins; tensor offsets are relative to it.</summary>
    public long DataOffset { get; }

    /// <summary>Alignment of the data section and of every tensor's data (<c>general.alignment</c>, default 32).</summary>
    public int Alignment { get; }

    public long FileSize { get; }

    /// <summary>A String value, or null when the key is absent or has another type.</summary>
    public string? GetString(string key) => Metadata.TryGetValue(key, out var value) ? value.AsString() : null;

    /// <summary>An integer value of any width, or null when the key is absent or not an integer.</summary>
    public long? GetInt64(string key) => Metadata.TryGetValue(key, out var value) ? value.AsInt64() : null;

    /// <summary>An array value's elements of type <typeparamref name="T"/>, or null.</summary>
    public T[]? GetArray<T>(string key) => Metadata.TryGetValue(key, out var value) ? value.AsArray<T>() : null;
}
