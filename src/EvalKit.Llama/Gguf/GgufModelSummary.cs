using EvalKit.Llama.Gguf.Internal;

namespace EvalKit.Llama.Gguf;

/// <summary>What a GGUF file holds, in the terms a user cares about; built by <see cref="From"/> from a <see cref="GgufFile"/>.</summary>
public sealed record GgufModelSummary
{
    public required string Path { get; init; }
    public required long FileSize { get; init; }

    /// <summary><c>general.architecture</c> (llama, qwen2, phi3, ...), or null when absent.</summary>
    public string? Architecture { get; init; }

    /// <summary><c>general.name</c>, when the converter wrote one.</summary>
    public string? Name { get; init; }

    public required int TensorCount { get; init; }

    /// <summary>Sum of all tensors' element counts; what llama.cpp reports as the parameter count.</summary>
    public required long ParameterCount { get; init; }

    /// <summary>Name of <c>general.file_type</c> ("F32", "Q4_0", "Q4_K_M"), or null when absent.</summary>
    public string? FileType { get; init; }

    /// <summary><c>&lt;arch&gt;.context_length</c>: the context the model was trained with.</summary>
    public long? ContextLength { get; init; }

    public string? ChatTemplate { get; init; }

    /// <summary><c>tokenizer.ggml.model</c>: llama (SentencePiece), gpt2 (byte-level BPE), ...</summary>
    public string? TokenizerModel { get; init; }

    /// <summary><c>tokenizer.ggml.pre</c>: the pre-tokenizer (default, deepseek-llm, qwen2, ...).</summary>
    public string? TokenizerPre { get; init; }

    /// <summary>Number of entries in <c>tokenizer.ggml.tokens</c>.</summary>
    public required int VocabularySize { get; init; }

    public long? BosTokenId { get; init; }
    public long? EosTokenId { get; init; }

    /// <summary>
    /// Metadata keys whose value is an empty string. LLamaSharp 0.30.0 cannot load such a file: reading its
    /// metadata throws <see cref="ArgumentNullException"/>, although llama.cpp itself accepts it.
    /// </summary>
    public IReadOnlyList<string> EmptyStringKeys { get; init; } = [];

    /// <summary>True when the file has no tensors: a tokenizer vocabulary only, which llama.cpp cannot generate with.</summary>
    public bool IsVocabOnly => TensorCount == 0;

    public static GgufModelSummary From(GgufFile file)
    {
        var architecture = file.GetString("general.architecture");
        return new GgufModelSummary
        {
            Path = file.Path,
            FileSize = file.FileSize,
            Architecture = architecture,
            Name = file.GetString("general.name"),
            TensorCount = file.Tensors.Count,
            ParameterCount = file.Tensors.Sum(t => t.ElementCount),
            FileType = file.GetInt64("general.file_type") is { } fileType ? GgufFileTypes.Name(fileType) : null,
            ContextLength = architecture is null ? null : file.GetInt64($"{architecture}.context_length"),
            ChatTemplate = file.GetString("tokenizer.chat_template"),
            TokenizerModel = file.GetString("tokenizer.ggml.model"),
            TokenizerPre = file.GetString("tokenizer.ggml.pre"),
            VocabularySize = file.Metadata.TryGetValue("tokenizer.ggml.tokens", out var tokens) && tokens.IsArray ? tokens.Length : 0,
            BosTokenId = file.GetInt64("tokenizer.ggml.bos_token_id"),
            EosTokenId = file.GetInt64("tokenizer.ggml.eos_token_id"),
            EmptyStringKeys = file.Keys.Where(key => file.Metadata[key].Value is "").ToList(),
        };
    }

    /// <summary>Reads <paramref name="path"/> and summarises it.</summary>
    public static GgufModelSummary Read(string path) => From(GgufReader.Read(path));

    /// <summary>
    /// Throws a <see cref="GgufFormatException"/> when llama.cpp could not generate with this file (it would abort
    /// the process, which cannot be caught), so callers check before loading.
    /// </summary>
    public void EnsureGeneratable()
    {
        EnsureLoadable();
        if (IsVocabOnly)
            throw GgufErrors.VocabOnly(Path);
    }

    /// <summary>Throws a <see cref="GgufFormatException"/> when LLamaSharp could not load this file at all.</summary>
    public void EnsureLoadable()
    {
        if (EmptyStringKeys.Count > 0)
            throw GgufErrors.EmptyStrings(Path, EmptyStringKeys);
    }

    public override string ToString() =>
        $"{Architecture ?? "unknown architecture"}, {ParameterCount:N0} parameters, {FileType ?? "unknown file type"}, " +
        $"vocabulary {VocabularySize:N0}" + (IsVocabOnly ? " (vocabulary only)" : "");
}
