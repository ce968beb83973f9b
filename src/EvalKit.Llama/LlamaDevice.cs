namespace EvalKit.Llama;

/// <summary>Where llama.cpp runs the model. One device per process: the native library is chosen once.</summary>
public enum LlamaDevice
{
    /// <summary>The bundled CPU build (the best AVX level this CPU supports).</summary>
    Cpu,

    /// <summary>A CUDA build of llama.cpp; fails with a clear error when none is available.</summary>
    Cuda,

    /// <summary>CUDA when a CUDA build and a driver are present, otherwise CPU.</summary>
    Auto,
}
