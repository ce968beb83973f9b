using EvalKit.Core;
using EvalKit.Llama.Internal;
using LLama.Native;

namespace EvalKit.Llama;

/// <summary>
/// Chooses and loads the llama.cpp native library once per process, before the first native call:
/// routes llama.cpp's log into memory (nothing on the console), selects the CPU or CUDA build, and
/// reports which library actually loaded. <see cref="LlamaBackend.LoadAsync"/> calls it; call it
/// earlier only to report the library before loading a model.
/// </summary>
public static class NativeLibrarySetup
{
    private static readonly Lock _lock = new();
    private static LlamaNativeLibrary? _loaded;
    private static string? _loadedFrom;

    /// <summary>The path of the user's own libllama when one was loaded (a native library folder was given), else null.</summary>
    internal static string? LoadedFrom
    {
        get { lock (_lock) return _loadedFrom; }
    }

    /// <summary>The library loaded so far, or null before the first <see cref="Ensure"/>.</summary>
    public static LlamaNativeLibrary? Loaded
    {
        get { lock (_lock) return _loaded; }
    }

    /// <summary>
    /// Loads the native library for <paramref name="device"/> (or the user's build in
    /// <paramref name="nativeLibraryDirectory"/>) unless it is already loaded, and returns what loaded.
    /// </summary>
    /// <exception cref="EvalKitException">
    /// CUDA was requested but is not available (the message says how to get it); the library failed to load;
    /// or a different device or folder was already loaded in this process.
    /// </exception>
    public static LlamaNativeLibrary Ensure(LlamaDevice device = LlamaDevice.Cpu, string? nativeLibraryDirectory = null)
    {
        var plan = NativeLibraryPlan.Create(device, nativeLibraryDirectory, AppContext.BaseDirectory, NativeLibraryPlan.CudaDriverPresent);
        lock (_lock)
        {
            if (_loaded is null)
            {
                _loaded = NativeLibraryConfig.LLama.LibraryHasLoaded ? Describe(plan, "loaded before EvalKit configured it") : Load(plan);
                _loadedFrom = plan.LibraryPath;
                if (device == LlamaDevice.Cuda && !_loaded.UsesGpu)
                {
                    throw plan.LibraryPath is null
                        ? LlamaErrors.CudaDidNotLoad(_loaded, LlamaLog.Tail(12))
                        : LlamaErrors.NoGpuInCustomLibrary(plan.LibraryPath);
                }
                return _loaded;
            }
            var compatible = plan.LibraryPath == _loadedFrom && device switch
            {
                LlamaDevice.Cpu => !_loaded.UsesGpu,
                LlamaDevice.Cuda => _loaded.UsesGpu,
                _ => true,
            };
            return compatible ? _loaded : throw LlamaErrors.DeviceConflict(_loaded, device, plan.LibraryPath);
        }
    }

    /// <summary>The last lines llama.cpp logged (it logs here rather than on the console), oldest first.</summary>
    public static IReadOnlyList<string> RecentLog(int count = 20) => LlamaLog.Tail(count);

    private static LlamaNativeLibrary Load(NativeLibraryPlan plan)
    {
        var mark = LlamaLog.Mark();
        var config = NativeLibraryConfig.All.WithLogCallback(LlamaLog.Receive);
        if (plan.LibraryPath is not null)
            config.WithLibrary(plan.LibraryPath, null);
        else if (plan.UseCuda)
            // No fallback and no check of the installed toolkit's version: try the bundled CUDA build, then
            // only the CPU build at the detected AVX level. Whether CUDA really loaded is checked afterwards.
            config.WithCuda(true).WithVulkan(false).WithAutoFallback(false).SkipCheck(true);
        else
            config.WithCuda(false).WithVulkan(false);

        try
        {
            // DryRun loads the library for real: after it the configuration is frozen (LibraryHasLoaded).
            if (!NativeLibraryConfig.LLama.DryRun(out _))
                throw LlamaErrors.NativeLoadFailed(LlamaLog.Since(mark, 15), null);
            return Describe(plan, null);
        }
        catch (Exception e) when (e is not EvalKitException)
        {
            throw LlamaErrors.NativeLoadFailed(LlamaLog.Since(mark, 15), e);
        }
    }

    private static LlamaNativeLibrary Describe(NativeLibraryPlan plan, string? note)
    {
        var usesGpu = NativeApi.llama_supports_gpu_offload();
        var metadata = NativeApi.GetLoadedNativeLibrary(NativeLibraryName.LLama)?.Metadata;
        if (plan.LibraryPath is not null)
            return new("custom", usesGpu, plan.LibraryPath, note);
        if (metadata?.UseCuda == true)
            return new(plan.CudaName ?? "cuda", usesGpu, null, note ?? (usesGpu ? null : "no cuda device found"));
        var cpu = "cpu-" + CpuLevel(metadata);
        return new(cpu, usesGpu, null, note ?? plan.Note ?? (plan.UseCuda ? "cuda did not load" : null));
    }

    private static string CpuLevel(NativeLibraryMetadata? metadata) => metadata?.AvxLevel switch
    {
        null => "unknown",
        AvxLevel.None => "noavx",
        var level => level.Value.ToString().ToLowerInvariant(),
    };
}
