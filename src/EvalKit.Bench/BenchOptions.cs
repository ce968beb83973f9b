using EvalKit.Llama;

namespace EvalKit.Bench;

/// <summary>
/// What <see cref="BenchRunner"/> measures: every model × test (pp, tg, pg) × llama-bench setting (threads, batch,
/// micro-batch, GPU layers, depth) × variant (evalkit, bare), and every model's
/// evaluation throughput answered sequentially and <see cref="EvalParallel"/> at a time.
/// </summary>
public sealed record BenchOptions
{
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>Prompt tokens decoded in one batch for the <c>ppN</c> test; 0 skips it.</summary>
    public int PromptTokens { get; init; } = 512;

    /// <summary>Tokens generated one at a time for the <c>tgN</c> test; 0 skips it.</summary>
    public int GenerateTokens { get; init; } = 128;

    /// <summary>Measured repetitions per test (after one warm-up).</summary>
    public int Repetitions { get; init; } = 5;

    /// <summary>Threads of the evaluation-throughput test, and of pp/tg when <see cref="ThreadCounts"/> is empty.</summary>
    public int Threads { get; init; } = LlamaModelOptions.DefaultThreads;

    /// <summary>llama-bench's <c>-t</c> list: every pp/tg test runs at each; empty uses <see cref="Threads"/>.</summary>
    public IReadOnlyList<int> ThreadCounts { get; init; } = [];

    /// <summary>llama-bench's <c>-b</c> list (n_batch).</summary>
    public IReadOnlyList<int> BatchSizes { get; init; } = [DefaultBatchSize];

    /// <summary>llama-bench's <c>-ub</c> list (n_ubatch).</summary>
    public IReadOnlyList<int> UBatchSizes { get; init; } = [DefaultUBatchSize];

    /// <summary>llama-bench's <c>-ngl</c> list; empty: all layers on a GPU build, none on CPU.</summary>
    public IReadOnlyList<int> GpuLayers { get; init; } = [];

    /// <summary>llama-bench's <c>-d</c> list: tokens put in the KV cache before each repetition (untimed).</summary>
    public IReadOnlyList<int> Depths { get; init; } = [0];

    /// <summary>llama-bench's <c>-pg pp,tg</c> tests: a prompt then generation, timed together.</summary>
    public IReadOnlyList<(int Prompt, int Gen)> PromptGen { get; init; } = [];

    public const int DefaultBatchSize = 2048;
    public const int DefaultUBatchSize = 512;

    public LlamaDevice Device { get; init; } = LlamaDevice.Cpu;

    /// <summary>A folder holding the user's own llama.cpp build (libllama.so and its ggml libraries); null uses the bundled one.</summary>
    public string? NativeLibraryDirectory { get; init; }

    /// <summary>Short-answer cases answered per repetition of the evaluation-throughput test.</summary>
    public int EvalCases { get; init; } = 32;

    /// <summary>
    /// Sequences decoded together in the evaluation-throughput test (as <c>run --parallel N</c>), one row per value
    /// beside the sequential row; empty skips the test.
    /// </summary>
    public IReadOnlyList<int> EvalParallel { get; init; } = [8];

    /// <summary>The most tokens each evaluation-throughput case may generate.</summary>
    public int EvalMaxTokens { get; init; } = 16;

    /// <summary>Where BenchmarkDotNet writes its artifacts; a temporary folder when null.</summary>
    public string? ArtifactsPath { get; init; }

    /// <summary>Context length both variants use: room for the deepest and largest test plus a margin.</summary>
    internal int ContextSize => Math.Max(256, Depths.DefaultIfEmpty(0).Max()
        + new[] { PromptTokens + 1, GenerateTokens + 2 }.Concat(PromptGen.Select(p => p.Prompt + p.Gen + 1)).Max() + 16);
}
