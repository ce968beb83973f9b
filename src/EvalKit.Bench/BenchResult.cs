namespace EvalKit.Bench;

/// <summary>One row of a benchmark: a model, a test and a variant, measured over several repetitions (see docs/benchmarks.md).</summary>
public sealed record BenchResult
{
    /// <summary>The model's file name without extension.</summary>
    public required string Model { get; init; }
    public required string ModelPath { get; init; }
    /// <summary>The model file's size in bytes.</summary>
    public long SizeBytes { get; init; }
    public long Params { get; init; }
    /// <summary>llama.cpp's description of the model (llama-bench's <c>model_type</c>), e.g. <c>qwen2 1B Q4_0</c>.</summary>
    public string ModelType { get; init; } = "";
    /// <summary>Bytes of the model's tensors as llama.cpp counts them (llama-bench's <c>model_size</c>).</summary>
    public long ModelSize { get; init; }
    /// <summary>The llama.cpp native library that ran it: cpu-avx2, cuda12, custom.</summary>
    public required string Backend { get; init; }
    public int Threads { get; init; }
    /// <summary>llama-bench's <c>n_batch</c>.</summary>
    public int NBatch { get; init; }
    /// <summary>llama-bench's <c>n_ubatch</c>.</summary>
    public int NUbatch { get; init; }
    /// <summary>Layers offloaded to the GPU as asked; -1 when not asked (llama-bench's default: all on a GPU build, none on CPU).</summary>
    public int NGpuLayers { get; init; }
    /// <summary>llama-bench's name: pp512, tg128, pp512+tg128, with <c> @ d4096</c> at a depth.</summary>
    public required string Test { get; init; }
    public int NPrompt { get; init; }
    public int NGen { get; init; }
    /// <summary>Tokens in the KV cache before the test (llama-bench's <c>-d</c>).</summary>
    public int NDepth { get; init; }
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
