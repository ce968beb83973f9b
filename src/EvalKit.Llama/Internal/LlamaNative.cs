using System.Reflection;
using System.Runtime.InteropServices;
using LLama.Native;

namespace EvalKit.Llama.Internal;

/// <summary>
/// llama.cpp entry points that LLamaSharp keeps private, bound to the very library LLamaSharp loaded, never a second
/// copy: the user's own build by the path it was loaded from (loading a loaded path returns the same handle),
/// LLamaSharp's bundled one by asking LLamaSharp's assembly for "llama", which runs LLamaSharp's resolver.
/// </summary>
internal static class LlamaNative
{
    private const string Library = "llama";

    static LlamaNative() => NativeLibrary.SetDllImportResolver(typeof(LlamaNative).Assembly, Resolve);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int llama_decode(SafeLLamaContextHandle context, LLamaNativeBatch batch);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
            return IntPtr.Zero;
        return NativeLibrarySetup.LoadedFrom is { } path
            ? NativeLibrary.Load(path)
            : NativeLibrary.Load(Library, typeof(NativeApi).Assembly, searchPath);
    }
}
