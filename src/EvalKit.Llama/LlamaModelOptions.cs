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

    /// <summary>
    /// Requests decoded together (llama-server's <c>-np</c>): concurrent generation requests share one continuous
    /// decode loop of this many slots, in a second context as large as this many lone contexts. 1 runs requests one
    /// at a time on the model's own context.
    /// </summary>
    public int Parallel { get; init; } = 1;

    public LlamaDevice Device { get; init; } = LlamaDevice.Cpu;

    /// <summary>A folder holding the user's own llama.cpp build (libllama and its ggml libraries) to use instead of the bundled one.</summary>
    public string? NativeLibraryDirectory { get; init; }

    /// <summary>The most <see cref="Parallel"/> slots.</summary>
    public const int MaxParallel = 64;

    /// <summary>The default for <see cref="Threads"/> on this machine.</summary>
    public static int DefaultThreads => Math.Max(1, Environment.ProcessorCount / 2);
}
