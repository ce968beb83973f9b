using System.Text;

namespace EvalKit.Llama.Gguf.Internal;

/// <summary>The wording of every <see cref="GgufFormatException"/>, in one place.</summary>
internal static class GgufErrors
{
    private const string Damaged =
        "The file is damaged or incomplete: download it again (compare its SHA-256 with the publisher's) " +
        "or convert the model again with llama.cpp's convert_hf_to_gguf.py.";

    public static GgufFormatException NotGguf(string path, ReadOnlySpan<byte> head)
    {
        var (what, hint) = Recognise(head);
        return new(path, 0, $"not a GGUF file: {what}", hint);
    }

    public static GgufFormatException UnsupportedVersion(string path, uint version)
    {
        if ((version & 0xFFFF) == 0)
            return new(path, 4, $"GGUF version field reads {version}, which looks like a big-endian GGUF file",
                "llama.cpp on this machine needs a little-endian GGUF; convert the model again without --bigendian.");
        if (version == 1)
            return new(path, 4, "GGUF version 1 is no longer supported by llama.cpp",
                "Convert the model again with a current llama.cpp (convert_hf_to_gguf.py) to get GGUF version 3.");
        return new(path, 4, $"unsupported GGUF version {version} (this EvalKit reads versions 2 and 3)",
            version == 0 ? Damaged : "Update EvalKit, or convert the model with the llama.cpp version EvalKit bundles.");
    }

    public static GgufFormatException Truncated(string path, long offset, string what, long needed, long left) =>
        new(path, offset, $"file ends in the middle of {what}: {needed} byte(s) needed, {left} left", Damaged);

    public static GgufFormatException Absurd(string path, long offset, string what, ulong count, string unit, long left) =>
        new(path, offset, $"{what} is {count}, but the {left} byte(s) left in the file cannot hold that many {unit}", Damaged);

    public static GgufFormatException Corrupt(string path, long offset, string problem) => new(path, offset, problem, Damaged);

    public static GgufFormatException Duplicate(string path, long offset, string what, string name, int first, int second) =>
        new(path, offset, $"duplicate {what} '{Printable(name)}' (entries {first} and {second})",
            "llama.cpp refuses (or, for vocabulary tokens, aborts the whole process on) repeated names. " + Damaged);

    public static GgufFormatException VocabOnly(string path) =>
        new(path, 0, "contains only a tokenizer vocabulary, no weights; llama.cpp would abort the process if asked to generate with it",
            "Pass a GGUF file that holds model weights; vocabulary-only files (such as llama.cpp's ggml-vocab-*.gguf) serve tokenizer tests only.");

    public static GgufFormatException EmptyStrings(string path, IReadOnlyList<string> keys) =>
        new(path, 0, $"metadata {string.Join(", ", keys.Select(k => $"'{Printable(k)}'"))} holds an empty string, which LLamaSharp 0.30.0 cannot load (it throws ArgumentNullException)",
            "Remove the key or give it a value, for example with llama.cpp's gguf-py/gguf/scripts/gguf_new_metadata.py.");

    /// <summary>Shows control characters and cuts long names, so a corrupt name cannot garble the terminal.</summary>
    public static string Printable(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Length > 80 ? text[..80] : text)
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c);
        return text.Length > 80 ? builder + "…" : builder.ToString();
    }

    private static (string What, string Hint) Recognise(ReadOnlySpan<byte> head)
    {
        const string convert = "Convert the model to GGUF with llama.cpp's convert_hf_to_gguf.py (then llama-quantize), or download a .gguf release.";
        if (head.Length < 4)
            return ($"it holds only {head.Length} byte(s)", Damaged);
        if (head.Length >= 9 && head[8] == (byte)'{' && BitConverter.ToUInt64(head[..8]) < 100_000_000)
            return ("it starts with a JSON header length, so this looks like a safetensors file", convert);
        if (head.StartsWith("PK\u0003\u0004"u8))
            return ("it is a zip archive, so this looks like a PyTorch checkpoint (.pt/.bin)", convert);
        if (head[0] == 0x80 && head[1] is >= 2 and <= 5)
            return ("it starts with a Python pickle header, so this looks like an old PyTorch checkpoint (.bin/.pth)", convert);
        if (head.StartsWith("lmgg"u8) || head.StartsWith("tjgg"u8) || head.StartsWith("fmgg"u8))
            return ("this is the pre-GGUF GGML/GGJT format", "Convert it with llama.cpp's convert_llama_ggml_to_gguf.py, or download a .gguf release.");
        if (head.StartsWith("version https://git-lfs"u8))
            return ("this is a Git LFS pointer, not the model", "Run 'git lfs pull' in the model's repository to fetch the real file.");
        var text = Encoding.ASCII.GetString(head).TrimStart().ToLowerInvariant();
        if (text.StartsWith("<!doctype") || text.StartsWith("<html"))
            return ("this is an HTML page (a failed or redirected download?)", "Download the model again from a direct file link.");
        var shown = string.Concat(head[..4].ToArray().Select(b => b is >= 32 and < 127 ? ((char)b).ToString() : $"\\x{b:x2}"));
        return ($"the first bytes are '{shown}', expected 'GGUF'", convert);
    }
}
