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
        if (Directory.Exists(path))
            throw new EvalKitException($"{path} is a directory, not a model file.", "Pass the path of a .gguf file inside it.");
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new EvalKitException($"Model file not found: {path}", "Check the path; GGUF model files usually end in .gguf.");
        // A pipe or a device reports no length, and opening a pipe blocks until something writes to it.
        if (info.Length == 0)
            throw new EvalKitException($"{path} is empty or not a regular file (a pipe or a device), so it is not a GGUF model.",
                "Pass the path of a .gguf model file.");
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
