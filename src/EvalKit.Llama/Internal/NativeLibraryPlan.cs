using System.Runtime.InteropServices;

namespace EvalKit.Llama.Internal;

/// <summary>
/// Which native library to ask LLamaSharp for, decided from files on disk only, before anything native
/// is loaded: a failed CUDA check therefore leaves the process free to load the CPU library.
/// </summary>
/// <param name="UseCuda">Ask for a bundled CUDA build (with the CPU build as the only fallback).</param>
/// <param name="CudaName">The bundled CUDA build's folder name, e.g. <c>cuda12</c>.</param>
/// <param name="LibraryPath">The user's own libllama, when a native library folder was given.</param>
/// <param name="Note">Why the plan differs from the request, e.g. <c>cuda not available</c>.</param>
internal sealed record NativeLibraryPlan(bool UseCuda, string? CudaName, string? LibraryPath, string? Note)
{
    public static NativeLibraryPlan Create(LlamaDevice device, string? nativeFolder, string baseDirectory, Func<bool> cudaDriverPresent)
    {
        if (nativeFolder is not null)
            return new(false, null, FindCustomLibrary(nativeFolder), null);
        if (device == LlamaDevice.Cpu)
            return new(false, null, null, null);

        var cudaName = FindBundledCuda(baseDirectory);
        var driver = cudaName is not null && cudaDriverPresent();
        if (device == LlamaDevice.Cuda)
        {
            if (cudaName is null)
                throw LlamaErrors.CudaNotBundled();
            if (!driver)
                throw LlamaErrors.CudaDriverMissing(CudaDriverLibrary ?? "the CUDA driver");
        }
        return driver ? new(true, cudaName, null, null) : new(false, null, null, "cuda not available");
    }

    /// <summary>True when the NVIDIA driver library can be loaded on this machine.</summary>
    public static bool CudaDriverPresent()
    {
        if (CudaDriverLibrary is null || !NativeLibrary.TryLoad(CudaDriverLibrary, out var handle))
            return false;
        NativeLibrary.Free(handle);
        return true;
    }

    private static string? CudaDriverLibrary =>
        OperatingSystem.IsLinux() ? "libcuda.so.1" : OperatingSystem.IsWindows() ? "nvcuda.dll" : null;

    private static string LlamaFileName =>
        OperatingSystem.IsWindows() ? "llama.dll" : OperatingSystem.IsMacOS() ? "libllama.dylib" : "libllama.so";

    // LLamaSharp 0.30.0 looks for CUDA builds in runtimes/<linux-x64|win-x64>/native/cuda<major>/.
    private static string? FindBundledCuda(string baseDirectory)
    {
        var rid = OperatingSystem.IsLinux() ? "linux-x64" : OperatingSystem.IsWindows() ? "win-x64" : null;
        var native = Path.Combine(baseDirectory, "runtimes", rid ?? "none", "native");
        if (rid is null || !Directory.Exists(native))
            return null;
        return Directory.GetDirectories(native, "cuda*")
            .Where(dir => File.Exists(Path.Combine(dir, LlamaFileName)))
            .Select(Path.GetFileName)
            .OrderDescending(StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static string FindCustomLibrary(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
            throw LlamaErrors.NativeFolderMissing(full);
        var library = Path.Combine(full, LlamaFileName);
        return File.Exists(library) ? library : throw LlamaErrors.NativeLibraryNotInFolder(full, LlamaFileName);
    }
}
