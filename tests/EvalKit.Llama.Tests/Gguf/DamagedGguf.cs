using System.Buffers.Binary;
using System.Text;
using EvalKit.Llama.Gguf;
using EvalKit.TestSupport;

namespace EvalKit.Llama.Tests.Gguf;

/// <summary>In-memory copies of stories260K.gguf with one deliberate defect each, located by searching the bytes.</summary>
internal static class DamagedGguf
{
    public const string Name = "damaged.gguf";

    private static readonly Lazy<byte[]> _original = new(() => File.ReadAllBytes(SharedAssets.Stories260K));

    public static byte[] Copy() => (byte[])_original.Value.Clone();

    /// <summary>Offset of the first occurrence of <paramref name="text"/>; its GGUF length prefix sits 8 bytes earlier.</summary>
    public static int IndexOf(byte[] bytes, string text, int from = 0)
    {
        var index = bytes.AsSpan(from).IndexOf(Encoding.UTF8.GetBytes(text));
        Assert.True(index >= 0, $"'{text}' not found in stories260K.gguf");
        return from + index;
    }

    /// <summary>Offset of the tensor table entry for <paramref name="tensor"/> (its name's length prefix).</summary>
    public static int TensorEntry(byte[] bytes, string tensor) =>
        IndexOf(bytes, tensor, IndexOf(bytes, "llama.attention.layer_norm_rms_epsilon")) - 8;

    public static void WriteUInt32(byte[] bytes, int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), value);

    public static void WriteUInt64(byte[] bytes, int offset, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(offset), value);

    public static ulong ReadUInt64(byte[] bytes, int offset) => BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(offset));

    public static GgufFile Read(byte[] bytes) => GgufReader.Read(new MemoryStream(bytes, writable: false), Name);

    public static GgufFormatException Rejects(byte[] bytes) => Assert.Throws<GgufFormatException>(() => Read(bytes));
}
