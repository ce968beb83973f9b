using EvalKit.Core;

namespace EvalKit.Llama.Internal;

/// <summary>The wording of every user-facing error the llama.cpp backend raises.</summary>
internal static class LlamaErrors
{
    public const string CudaHint =
        "Build EvalKit with -p:EvalKitCuda=12 to bundle LLamaSharp.Backend.Cuda12, or pass the native library folder " +
        "of a CUDA build of llama.cpp (NativeLibraryDirectory). Use device 'auto' to fall back to the CPU instead.";

    public static EvalKitException ModelNotFound(string path) => new(
        $"Model file not found: {path}",
        $"Check the path (relative paths are resolved against {Environment.CurrentDirectory}).");

    public static EvalKitException InvalidOption(string name, object value, string rule) => new(
        $"Invalid llama.cpp option {name} = {value}: {rule}.");

    public static EvalKitException CudaNotBundled() => new(
        "CUDA was requested, but this EvalKit build has no CUDA llama.cpp library.", CudaHint);

    public static EvalKitException CudaDriverMissing(string library) => new(
        $"CUDA was requested, but no NVIDIA driver was found ({library} could not be loaded).",
        "Install the NVIDIA driver, or use device 'cpu' or 'auto'.");

    public static EvalKitException CudaDidNotLoad(LlamaNativeLibrary loaded, IReadOnlyList<string> log) => new(
        $"CUDA was requested, but the CUDA llama.cpp library did not load; llama.cpp loaded {loaded} instead.{Quote(log)}",
        "Check that the CUDA runtime matching the bundled build (CUDA 12) is installed, or use device 'auto'. " + CudaHint);

    public static EvalKitException NoGpuInCustomLibrary(string path) => new(
        $"CUDA was requested, but the llama.cpp library {path} has no GPU support (or found no GPU).",
        "Pass the folder of a llama.cpp build made with -DGGML_CUDA=ON, or use device 'cpu' or 'auto'.");

    public static EvalKitException NativeFolderMissing(string folder) => new(
        $"Native library folder not found: {folder}",
        "Pass the folder that holds your llama.cpp build's libllama and ggml libraries.");

    public static EvalKitException NativeLibraryNotInFolder(string folder, string fileName) => new(
        $"The native library folder {folder} has no {fileName}.",
        "Pass the folder that holds your llama.cpp build's libllama and ggml libraries (often build/bin).");

    public static EvalKitException NativeLoadFailed(IReadOnlyList<string> log, Exception? inner) => new(
        $"The llama.cpp native library could not be loaded.{Quote(log)}",
        "The bundled CPU build needs libgomp1 and libstdc++6 on Linux. A custom build must match LLamaSharp 0.30.0 (llama.cpp b10221).",
        ErrorKind.RuntimeFailure,
        inner);

    public static EvalKitException DeviceConflict(LlamaNativeLibrary loaded, LlamaDevice requested, string? folder) => new(
        $"llama.cpp is already loaded in this process as {loaded}; it cannot also be loaded for device '{requested.ToString().ToLowerInvariant()}'" +
        (folder is null ? "." : $" from {folder}."),
        "The native library is chosen once per process: load every local model with the same device and native library folder, or run separate evalkit processes.");

    public static EvalKitException LoadFailed(string path, IReadOnlyList<string> log, Exception inner) => new(
        $"llama.cpp could not load the model {path}.{Quote(log)}",
        "Check that the file is a complete GGUF model (not a vocab-only or partial download) that this llama.cpp build supports.",
        ErrorKind.BadInput,
        inner);

    public static EvalKitException ContextFailed(string path, int contextSize, IReadOnlyList<string> log, Exception inner) => new(
        $"llama.cpp could not create a {contextSize}-token context for {path}.{Quote(log)}",
        "Try a smaller context size or fewer GPU layers.",
        ErrorKind.RuntimeFailure,
        inner);

    public static EvalKitException DecodeFailed(string result, IReadOnlyList<string> log) => new(
        $"llama.cpp failed to decode ({result}).{Quote(log)}",
        "Try a smaller context size; if it persists, report it with the model file and this message.",
        ErrorKind.RuntimeFailure);

    public static EvalKitException EmptyPrompt() => new(
        "The prompt is empty after tokenization (and the model adds no BOS token), so there is nothing to continue.");

    private static string Quote(IReadOnlyList<string> log) =>
        log.Count == 0 ? "" : "\nllama.cpp said:\n  " + string.Join("\n  ", log);
}
