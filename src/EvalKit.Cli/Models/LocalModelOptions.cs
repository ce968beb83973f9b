using EvalKit.Llama;

namespace EvalKit.Cli.Models;

/// <summary>The command-line settings that apply to every local model of a run.</summary>
public sealed record LocalModelOptions(int? Threads, int? ContextSize, LlamaDevice Device, int? GpuLayers, string? NativeLibraryDirectory)
{
    public static LocalModelOptions Default { get; } = new(null, null, LlamaDevice.Cpu, null, null);

    public static bool TryParseDevice(string text, out LlamaDevice device) =>
        Enum.TryParse(text, ignoreCase: true, out device) && Enum.IsDefined(device);
}
