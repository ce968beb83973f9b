using System.Globalization;
using EvalKit.Llama;

namespace EvalKit.Bench;

/// <summary>
/// One benchmark case (a BenchmarkDotNet parameter): a model, a test of <see cref="Tokens"/> tokens (for
/// <see cref="BenchTest.Pg"/>, <see cref="Tokens"/> prompt then <see cref="GenTokens"/> generated), llama-bench's
/// settings (threads, batch, micro-batch, GPU layers, depth), and which code decodes it: <c>evalkit</c>
/// (<see cref="EvalKit.Llama.LlamaBackend"/>) or <c>bare</c> (a plain LLamaSharp loop).
/// </summary>
public sealed record BenchCase(
    string ModelPath, BenchTest Test, int Tokens, string Variant, int Threads, int ContextSize, LlamaDevice Device, string? NativeLibraryDirectory = null)
{
    public const string EvalKitVariant = "evalkit";
    public const string BareVariant = "bare";

    /// <summary>Generated tokens of a <see cref="BenchTest.Pg"/> test; 0 otherwise.</summary>
    public int GenTokens { get; init; }

    /// <summary>llama-bench's <c>n_batch</c>: the most prompt tokens given to one decode call.</summary>
    public int BatchSize { get; init; } = BenchOptions.DefaultBatchSize;

    /// <summary>llama-bench's <c>n_ubatch</c>: the physical batch llama.cpp computes at once.</summary>
    public int UBatchSize { get; init; } = BenchOptions.DefaultUBatchSize;

    /// <summary>Layers offloaded to the GPU; null: all on a GPU build, none on CPU.</summary>
    public int? GpuLayers { get; init; }

    /// <summary>llama-bench's <c>n_depth</c>: tokens already in the KV cache when the test starts.</summary>
    public int Depth { get; init; }

    public int PromptTokens => Test == BenchTest.Tg ? 0 : Tokens;

    public int GeneratedTokens => Test switch { BenchTest.Tg => Tokens, BenchTest.Pg => GenTokens, _ => 0 };

    /// <summary>llama-bench's test name: pp512, tg128, pp512+tg128, with <c> @ d4096</c> at a depth.</summary>
    public string TestName => Test switch
    {
        BenchTest.Pp => Invariant($"pp{Tokens}"),
        BenchTest.Tg => Invariant($"tg{Tokens}"),
        _ => Invariant($"pp{Tokens}+tg{GenTokens}"),
    } + (Depth > 0 ? Invariant($" @ d{Depth}") : "");

    public string Key => $"{ModelPath}|{TestName}|{Variant}|{Threads}|{BatchSize}|{UBatchSize}|{GpuLayers}";

    // BenchmarkDotNet shows parameters by ToString.
    public override string ToString() =>
        $"{Path.GetFileNameWithoutExtension(ModelPath)} {TestName} {Variant} t{Threads} b{BatchSize} ub{UBatchSize}" + (GpuLayers is { } ngl ? $" ngl{ngl}" : "");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
