using EvalKit.Llama;

namespace EvalKit.Bench;

/// <summary>
/// What <see cref="BenchRunner"/> measures: every model × test (pp, tg) × variant (evalkit, bare), and every model's
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

    public int Threads { get; init; } = LlamaModelOptions.DefaultThreads;

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

    /// <summary>Context length both variants use: room for the larger test plus a margin.</summary>
    internal int ContextSize => Math.Max(256, Math.Max(PromptTokens + 1, GenerateTokens + 2) + 16);
}
