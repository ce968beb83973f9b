using System.Reflection;
using System.Runtime.InteropServices;
using LLama.Native;

namespace EvalKit.Llama.Internal;

/// <summary>
/// llama.cpp entry points that LLamaSharp keeps private, bound to the very library LLamaSharp loaded: asking
/// LLamaSharp's assembly for "llama" runs its resolver, so this never loads a second copy of llama.cpp.
/// </summary>
internal static class LlamaNative
{
    private const string Library = "llama";

    static LlamaNative() => NativeLibrary.SetDllImportResolver(typeof(LlamaNative).Assembly, Resolve);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int llama_decode(SafeLLamaContextHandle context, LLamaNativeBatch batch);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == Library ? NativeLibrary.Load(Library, typeof(NativeApi).Assembly, searchPath) : IntPtr.Zero;
}
