using EvalKit.Llama;

namespace EvalKit.Bench;

/// <summary>What <see cref="BenchRunner"/> measures: every model × test (pp, tg) × variant (evalkit, bare).</summary>
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

    /// <summary>Where BenchmarkDotNet writes its artifacts; a temporary folder when null.</summary>
    public string? ArtifactsPath { get; init; }

    /// <summary>Context length both variants use: room for the larger test plus a margin.</summary>
    internal int ContextSize => Math.Max(256, Math.Max(PromptTokens + 1, GenerateTokens + 2) + 16);
}
