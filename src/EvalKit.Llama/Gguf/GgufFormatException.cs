using EvalKit.Core;

namespace EvalKit.Llama.Gguf;

/// <summary>
/// A file that is not a valid GGUF file, or one that llama.cpp would reject or crash on.
/// The message names the file, the byte offset and what is wrong; the hint says what to do.
/// </summary>
public sealed class GgufFormatException(string path, long offset, string problem, string hint)
    : EvalKitException($"{path}: {problem} (at byte {offset}).", hint)
{
    public string FilePath { get; } = path;

    /// <summary>Byte offset in the file where the problem was found.</summary>
    public long Offset { get; } = offset;

    /// <summary>What is wrong, without the file name and offset.</summary>
    public string Problem { get; } = problem;
}
