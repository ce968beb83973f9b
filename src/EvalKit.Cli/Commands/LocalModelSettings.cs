using System.ComponentModel;
using EvalKit.Cli.Models;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary>Options shared by every command that loads a local GGUF model.</summary>
public abstract class LocalModelSettings : CommandSettings
{
    [CommandOption("-t|--threads <N>")]
    [Bounds(1, 1024)]
    [Description("CPU threads for llama.cpp. Default: half the logical cores (OpenMP threads spin, so fewer is often faster).")]
    public int? Threads { get; init; }

    [CommandOption("-c|--ctx <N>")]
    [Bounds(1, 134217728)]
    [Description("Context size in tokens. Default: 2048, capped at the model's trained context.")]
    public int? ContextSize { get; init; }

    [CommandOption("--device <DEVICE>")]
    [Description("cpu, cuda or auto (cuda when available, else cpu; the manifest records which).")]
    [DefaultValue("cpu")]
    public string Device { get; init; } = "cpu";

    [CommandOption("--gpu-layers <N>")]
    [Bounds(0, 100000)]
    [Description("Layers to offload to the GPU with --device cuda|auto. Default: all.")]
    public int? GpuLayers { get; init; }

    [CommandOption("--native-lib <DIR>")]
    [Description("Folder holding your own llama.cpp build (libllama.so and ggml libraries) to use instead of the bundled one.")]
    public string? NativeLibraryDirectory { get; init; }

    [CommandOption("--skip-memory-check")]
    [Description("Load a local model even when its estimated memory (weights, KV cache, compute buffers; see 'evalkit info --ctx') exceeds the memory available.")]
    public bool SkipMemoryCheck { get; init; }

    public override ValidationResult Validate()
    {
        if (!LocalModelOptions.TryParseDevice(Device, out _))
            return ValidationResult.Error($"--device must be cpu, cuda or auto, not '{Device}'.");
        return ValidationResult.Success();
    }

    public LocalModelOptions ToLocalOptions()
    {
        LocalModelOptions.TryParseDevice(Device, out var device);
        return new LocalModelOptions(Threads, ContextSize, device, GpuLayers, NativeLibraryDirectory) { SkipMemoryCheck = SkipMemoryCheck };
    }
}
