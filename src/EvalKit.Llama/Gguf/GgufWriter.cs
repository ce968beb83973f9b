using System.Runtime.InteropServices;
using System.Text;
using EvalKit.Llama.Gguf.Internal;

namespace EvalKit.Llama.Gguf;

/// <summary>
/// Writes a GGUF v3 file: metadata of any type (in the order set) and F32/F16 tensors, packed and aligned as
/// llama.cpp requires (<c>general.alignment</c>, default 32). Tensor data is produced row by row while writing,
/// so multi-gigabyte files never sit in memory.
/// </summary>
public sealed class GgufWriter
{
    private readonly List<(string Key, GgufValue Value)> _metadata = [];
    private readonly List<PendingTensor> _tensors = [];

    /// <summary>Fills one row (<c>dims[0]</c> elements) of a tensor; the first argument is the row index.</summary>
    public delegate void RowFiller(long row, Span<float> values);

    public int Alignment => _metadata.Find(kv => kv.Key == "general.alignment").Value?.Value is uint alignment ? (int)alignment : GgufFile.DefaultAlignment;

    /// <summary>Sets a metadata value; setting a key again replaces its value and keeps its position.</summary>
    public GgufWriter Set(string key, GgufValue value)
    {
        if (key == "general.alignment" && (value.Value is not uint a || a == 0 || (a & (a - 1)) != 0))
            throw new ArgumentException("general.alignment must be a UInt32 power of two.", nameof(value));
        var index = _metadata.FindIndex(kv => kv.Key == key);
        if (index >= 0)
            _metadata[index] = (key, value);
        else
            _metadata.Add((key, value));
        return this;
    }

    public GgufWriter Set(string key, string value) => Set(key, GgufValue.Of(value));
    public GgufWriter Set(string key, uint value) => Set(key, GgufValue.Of(value));
    public GgufWriter Set(string key, int value) => Set(key, GgufValue.Of(value));
    public GgufWriter Set(string key, float value) => Set(key, GgufValue.Of(value));
    public GgufWriter Set(string key, bool value) => Set(key, GgufValue.Of(value));
    public GgufWriter Set(string key, string[] values) => Set(key, GgufValue.Of(values));
    public GgufWriter Set(string key, float[] values) => Set(key, GgufValue.Of(values));
    public GgufWriter Set(string key, int[] values) => Set(key, GgufValue.Of(values));

    /// <summary>Adds a tensor whose values are all in memory, laid out row-major with <c>dims[0]</c> innermost.</summary>
    public GgufWriter AddTensor(string name, long[] dims, float[] values, GgmlType type = GgmlType.F32)
    {
        Validate(name, dims, type);
        if (values.LongLength != dims.Aggregate(1L, (product, d) => product * d))
            throw new ArgumentException($"Tensor '{name}' has {values.LongLength} values for shape [{string.Join(", ", dims)}].", nameof(values));
        return AddTensor(name, dims, type, (row, span) => values.AsSpan((int)(row * dims[0]), span.Length).CopyTo(span));
    }

    /// <summary>Adds a tensor whose rows are produced by <paramref name="fill"/> while the file is written.</summary>
    public GgufWriter AddTensor(string name, long[] dims, GgmlType type, RowFiller fill)
    {
        Validate(name, dims, type);
        _tensors.Add(new PendingTensor(new GgufTensorInfo(name, (long[])dims.Clone(), type, 0), fill));
        return this;
    }

    private void Validate(string name, long[] dims, GgmlType type)
    {
        if (type is not (GgmlType.F32 or GgmlType.F16))
            throw new ArgumentException($"GgufWriter writes F32 and F16 tensors; quantise with llama.cpp for {type}.", nameof(type));
        if (Encoding.UTF8.GetByteCount(name) is 0 or > 63)
            throw new ArgumentException($"Tensor name '{name}' must be 1 to 63 bytes long.", nameof(name));
        if (_tensors.Exists(t => t.Info.Name == name))
            throw new ArgumentException($"Tensor '{name}' was already added.", nameof(name));
        if (dims.Length is 0 or > 4 || Array.Exists(dims, d => d <= 0) || dims[0] > int.MaxValue)
            throw new ArgumentException($"Tensor '{name}' needs 1 to 4 positive dimensions, got [{string.Join(", ", dims)}].", nameof(dims));
    }

    /// <summary>Writes the file atomically: to a temporary file beside <paramref name="path"/>, then renamed over it.</summary>
    public void Write(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 20))
                WriteTo(stream);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public void WriteTo(Stream stream)
    {
        var alignment = Alignment;
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write("GGUF"u8);
        writer.Write(3u);
        writer.Write((ulong)_tensors.Count);
        writer.Write((ulong)_metadata.Count);
        foreach (var (key, value) in _metadata)
        {
            GgufBinary.WriteString(writer, key);
            GgufBinary.WriteValue(writer, value);
        }
        var offset = 0L;
        foreach (var tensor in _tensors)
        {
            GgufBinary.WriteString(writer, tensor.Info.Name);
            writer.Write((uint)tensor.Info.Dimensions.Count);
            foreach (var dim in tensor.Info.Dimensions)
                writer.Write((ulong)dim);
            writer.Write((uint)tensor.Info.Type);
            writer.Write((ulong)offset);
            offset = GgufParser.Align(offset + tensor.Info.ByteSize, alignment);
        }
        GgufBinary.Pad(writer, alignment);
        foreach (var tensor in _tensors)
        {
            WriteData(writer, tensor);
            GgufBinary.Pad(writer, alignment);
        }
    }

    private static void WriteData(BinaryWriter writer, PendingTensor tensor)
    {
        var rowLength = (int)tensor.Info.Dimensions[0];
        var rows = tensor.Info.ElementCount / rowLength;
        var row = new float[rowLength];
        var half = tensor.Info.Type == GgmlType.F16 ? new Half[rowLength] : null;
        for (var r = 0L; r < rows; r++)
        {
            Array.Clear(row);
            tensor.Fill(r, row);
            if (half is null)
            {
                writer.Write(MemoryMarshal.AsBytes(row.AsSpan()));
                continue;
            }
            for (var i = 0; i < rowLength; i++)
                half[i] = (Half)row[i];
            writer.Write(MemoryMarshal.AsBytes(half.AsSpan()));
        }
    }

    private sealed record PendingTensor(GgufTensorInfo Info, RowFiller Fill);
}
