using System.Globalization;
using EvalKit.Llama;

namespace EvalKit.Bench;

/// <summary>
/// One evaluation-throughput case (a BenchmarkDotNet parameter): <see cref="Cases"/> short-answer prompts answered
/// one at a time (<see cref="Parallel"/> = 1) or with <see cref="Parallel"/> in flight on a model loaded with that
/// many slots, the way <c>evalkit run --parallel N</c> answers them.
/// </summary>
public sealed record EvalThroughputCase(
    string ModelPath, int Cases, int Parallel, int MaxTokens, int Threads, LlamaDevice Device, string? NativeLibraryDirectory)
{
    public const string SequentialVariant = "sequential";

    /// <summary><c>sequential</c> or <c>parallelN</c>.</summary>
    public string Variant => Parallel == 1 ? SequentialVariant : "parallel" + Parallel.ToString(CultureInfo.InvariantCulture);

    public string Key => $"{ModelPath}|eval{Cases}|{Variant}|{Threads}";

    // BenchmarkDotNet shows parameters by ToString.
    public override string ToString() => $"{Path.GetFileNameWithoutExtension(ModelPath)} eval{Cases} {Variant} t{Threads}";
}
