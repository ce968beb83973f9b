using EvalKit.Llama;

namespace EvalKit.Cli.Models;

/// <summary>The command-line settings that apply to every local model of a run.</summary>
public sealed record LocalModelOptions(int? Threads, int? ContextSize, LlamaDevice Device, int? GpuLayers, string? NativeLibraryDirectory)
{
    /// <summary>Load even when the memory check says the model will not fit (<c>--skip-memory-check</c>).</summary>
    public bool SkipMemoryCheck { get; init; }

    public static LocalModelOptions Default { get; } = new(null, null, LlamaDevice.Cpu, null, null);

    /// <summary><c>run --chat-template auto|none|FILE</c>; null is <c>none</c>.</summary>
    public string? ChatTemplate { get; init; }

    /// <summary>The options to load the GGUF file at <paramref name="path"/> with these settings.</summary>
    public LlamaModelOptions For(string path, string name)
    {
        var options = new LlamaModelOptions(path)
        {
            Name = name, Device = Device, NativeLibraryDirectory = NativeLibraryDirectory, ChatTemplate = ChatTemplate,
            SkipMemoryCheck = SkipMemoryCheck,
        };
        if (Threads is { } threads)
            options = options with { Threads = threads };
        if (ContextSize is { } contextSize)
            options = options with { ContextSize = contextSize };
        if (GpuLayers is { } gpuLayers)
            options = options with { GpuLayers = gpuLayers };
        return options;
    }

    public static bool TryParseDevice(string text, out LlamaDevice device) =>
        Enum.TryParse(text, ignoreCase: true, out device) && Enum.IsDefined(device);
}
