using EvalKit.Core;
using EvalKit.Llama.Gguf.Internal;

namespace EvalKit.Llama.Gguf;

/// <summary>
/// Reads the header, metadata and tensor table of a GGUF v2/v3 file without touching the weights, and
/// refuses, with a <see cref="GgufFormatException"/>, anything llama.cpp would reject or crash on.
/// Memory use is bounded by the file's size: no count or length is trusted before the bytes for it exist.
/// </summary>
public static class GgufReader
{
    public static GgufFile Read(string path)
    {
        if (!File.Exists(path))
            throw new EvalKitException($"Model file not found: {path}", "Check the path; GGUF model files usually end in .gguf.");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        return Read(stream, path);
    }

    /// <summary>Reads from the start of a seekable stream; <paramref name="displayName"/> names it in error messages.</summary>
    public static GgufFile Read(Stream stream, string displayName)
    {
        if (!stream.CanSeek)
            throw new ArgumentException("GGUF reading needs a seekable stream.", nameof(stream));
        stream.Position = 0;
        return new GgufParser(stream, displayName).Parse();
    }
}
