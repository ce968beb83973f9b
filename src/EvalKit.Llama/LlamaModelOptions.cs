namespace EvalKit.Llama;

/// <summary>How to load a local GGUF model through llama.cpp.</summary>
/// <param name="Path">The GGUF model file.</param>
public sealed record LlamaModelOptions(string Path)
{
    /// <summary>The name recorded in results; defaults to the file name without extension.</summary>
    public string? Name { get; init; }

    /// <summary>CPU threads for decoding; defaults to half the logical processors (at least 1).</summary>
    public int Threads { get; init; } = DefaultThreads;

    /// <summary>Requested context length in tokens; never more than the model was trained for.</summary>
    public int ContextSize { get; init; } = 2048;

    /// <summary>Layers to offload to the GPU; null means none on CPU and all on a GPU. -1 also means all.</summary>
    public int? GpuLayers { get; init; }

    /// <summary>llama.cpp's <c>n_batch</c>: the most prompt tokens decoded per call; null keeps LLamaSharp's default (512).</summary>
    public int? BatchSize { get; init; }

    /// <summary>llama.cpp's <c>n_ubatch</c>: the physical batch computed at once; null keeps LLamaSharp's default (512).</summary>
    public int? UBatchSize { get; init; }

    /// <summary>
    /// Requests decoded together (llama-server's <c>-np</c>): concurrent generation requests share one continuous
    /// decode loop of this many slots, in a second context as large as this many lone contexts. 1 runs requests one
    /// at a time on the model's own context. Also sizes the memory check's KV cache estimate.
    /// </summary>
    public int Parallel { get; init; } = 1;

    /// <summary>Load even when <see cref="Memory.MemoryCheck"/> says the model will not fit.</summary>
    public bool SkipMemoryCheck { get; init; }
    public LlamaDevice Device { get; init; } = LlamaDevice.Cpu;

    /// <summary>A folder holding the user's own llama.cpp build (libllama and its ggml libraries) to use instead of the bundled one.</summary>
    public string? NativeLibraryDirectory { get; init; }

    /// <summary>
    /// <c>run --chat-template</c>: null (or <c>none</c>) sends raw prompts as written; <c>auto</c> wraps each raw prompt
    /// as one user turn in the model's own chat template (GGUF <c>tokenizer.chat_template</c>, as llama.cpp applies
    /// it; a model without one keeps raw prompts); any other value is a file holding a template llama.cpp recognises,
    /// used for chat messages and raw prompts alike.
    /// </summary>
    public string? ChatTemplate { get; init; }
    /// <summary>The most <see cref="Parallel"/> slots.</summary>
    public const int MaxParallel = 64;

    /// <summary>The default for <see cref="Threads"/> on this machine.</summary>
    public static int DefaultThreads => Math.Max(1, Environment.ProcessorCount / 2);
}
