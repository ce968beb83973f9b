using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using EvalKit.Llama.Gguf;
using EvalKit.TestSupport;

namespace EvalKit.Llama.Tests.Fidelity;

/// <summary>
/// Copies of stories260K changed in place, byte for byte the same size: the GGUF reader finds where a tensor's F32
/// values (or a token's text in the metadata) lie, and only those bytes are rewritten, so the copy stays loadable.
/// </summary>
internal static class ModelCopies
{
    /// <summary>A copy whose tensor <paramref name="tensorName"/> has each value replaced by <paramref name="change"/>(index, value).</summary>
    public static string WithTensor(TempDir temp, string fileName, string tensorName, Func<int, float, float> change)
    {
        var gguf = GgufReader.Read(SharedAssets.Stories260K);
        var tensor = gguf.Tensors.Single(t => t.Name == tensorName);
        Assert.Equal(GgmlType.F32, tensor.Type);
        var bytes = File.ReadAllBytes(SharedAssets.Stories260K);
        var values = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(checked((int)(gguf.DataOffset + tensor.Offset)), checked((int)tensor.ByteSize)));
        for (var i = 0; i < values.Length; i++)
            values[i] = change(i, values[i]);
        var path = temp.File(fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A copy where token <paramref name="id"/>'s text has its last letter replaced (same byte length, still unique).</summary>
    public static string WithTokenRenamed(TempDir temp, string fileName, int id)
    {
        var gguf = GgufReader.Read(SharedAssets.Stories260K);
        var tokens = gguf.GetArray<string>("tokenizer.ggml.tokens")!;
        var text = tokens[id];
        var renamed = text[..^1] + (text[^1] == 'q' ? 'z' : 'q');
        Assert.True(char.IsAsciiLetter(text[^1]) && !tokens.Contains(renamed), $"pick another token than {id} ('{text}')");

        var bytes = File.ReadAllBytes(SharedAssets.Stories260K);
        var encoded = Encoding.UTF8.GetBytes(text);
        var pattern = new byte[8 + encoded.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(pattern, (ulong)encoded.Length);
        encoded.CopyTo(pattern, 8);
        var at = bytes.AsSpan(0, (int)gguf.DataOffset).IndexOf(pattern);
        Assert.True(at > 0, $"token '{text}' not found in the metadata");
        bytes[at + pattern.Length - 1] = (byte)renamed[^1];
        var path = temp.File(fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
