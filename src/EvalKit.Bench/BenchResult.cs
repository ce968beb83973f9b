namespace EvalKit.Bench;

/// <summary>One row of a benchmark: a model, a test and a variant, measured over several repetitions (see docs/benchmarks.md).</summary>
public sealed record BenchResult
{
    /// <summary>The model's file name without extension.</summary>
    public required string Model { get; init; }
    public required string ModelPath { get; init; }
    public long SizeBytes { get; init; }
    public long Params { get; init; }
    /// <summary>The llama.cpp native library that ran it: cpu-avx2, cuda12, custom.</summary>
    public required string Backend { get; init; }
    public int Threads { get; init; }
    /// <summary>llama-bench's name: pp512, tg128.</summary>
    public required string Test { get; init; }
    public int NPrompt { get; init; }
    public int NGen { get; init; }
    /// <summary><c>evalkit</c> (LlamaBackend) or <c>bare</c> (a plain LLamaSharp decode loop).</summary>
    public required string Variant { get; init; }
    /// <summary>Tokens/sec of each measured repetition.</summary>
    public required IReadOnlyList<double> SamplesTs { get; init; }
    /// <summary>Mean of <see cref="SamplesTs"/>, tokens/sec.</summary>
    public double AvgTs { get; init; }
    /// <summary>Sample (N−1) standard deviation of <see cref="SamplesTs"/>, tokens/sec.</summary>
    public double StddevTs { get; init; }
    /// <summary>Nanoseconds of each measured repetition, as BenchmarkDotNet measured it.</summary>
    public required IReadOnlyList<double> SamplesNs { get; init; }
    /// <summary>Time to first token of each repetition, milliseconds.</summary>
    public required IReadOnlyList<double> TtftMs { get; init; }
    public double AvgTtftMs { get; init; }
    /// <summary>Tokens processed or generated in each repetition (EvalKit's tg stops early at an end-of-generation token).</summary>
    public required IReadOnlyList<int> Tokens { get; init; }
    /// <summary>For <c>evalkit</c> rows: <see cref="AvgTs"/> divided by the bare loop's; null otherwise.</summary>
    public double? RelativeToBare { get; init; }
}
