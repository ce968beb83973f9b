using System.Globalization;
using EvalKit.Llama;

namespace EvalKit.Bench;

/// <summary>
/// One benchmark case (a BenchmarkDotNet parameter): a model, a test of <see cref="Tokens"/> tokens, and which
/// code decodes it: <c>evalkit</c> (<see cref="EvalKit.Llama.LlamaBackend"/>) or <c>bare</c> (a plain LLamaSharp loop).
/// </summary>
public sealed record BenchCase(
    string ModelPath, BenchTest Test, int Tokens, string Variant, int Threads, int ContextSize, LlamaDevice Device, string? NativeLibraryDirectory = null)
{
    public const string EvalKitVariant = "evalkit";
    public const string BareVariant = "bare";

    /// <summary>llama-bench's test name: pp512, tg128.</summary>
    public string TestName => (Test == BenchTest.Pp ? "pp" : "tg") + Tokens.ToString(CultureInfo.InvariantCulture);

    public string Key => $"{ModelPath}|{TestName}|{Variant}|{Threads}";

    // BenchmarkDotNet shows parameters by ToString.
    public override string ToString() => $"{Path.GetFileNameWithoutExtension(ModelPath)} {TestName} {Variant} t{Threads}";
}
