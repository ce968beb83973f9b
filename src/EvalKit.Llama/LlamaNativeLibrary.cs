namespace EvalKit.Llama;

/// <summary>The llama.cpp native library this process loaded, as the run manifest records it.</summary>
/// <param name="Name">Which build: <c>cpu-avx2</c>, <c>cpu-avx512</c>, <c>cuda12</c>, <c>custom</c>.</param>
/// <param name="UsesGpu">Whether llama.cpp can offload layers to a GPU with this library.</param>
/// <param name="Path">The library file, for a user-supplied build; null for the bundled ones.</param>
/// <param name="Note">Why this library rather than the requested one, e.g. <c>cuda not available</c>.</param>
public sealed record LlamaNativeLibrary(string Name, bool UsesGpu, string? Path = null, string? Note = null)
{
    /// <summary>For example <c>cpu-avx2 (cuda not available)</c>.</summary>
    public override string ToString() => Note is null ? Name : $"{Name} ({Note})";
}
