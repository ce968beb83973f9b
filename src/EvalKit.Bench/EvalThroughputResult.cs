namespace EvalKit.Bench;

/// <summary>
/// One row of the evaluation-throughput benchmark: cases answered per second, sequentially or in parallel
/// sequences, over several repetitions (see docs/benchmarks.md).
/// </summary>
public sealed record EvalThroughputResult
{
    /// <summary>The model's file name without extension.</summary>
    public required string Model { get; init; }
    public required string ModelPath { get; init; }
    /// <summary>The llama.cpp native library that ran it: cpu-avx2, cuda12, custom.</summary>
    public required string Backend { get; init; }
    public int Threads { get; init; }
    public int Cases { get; init; }
    /// <summary>Sequences decoded together; 1 is sequential.</summary>
    public int Parallel { get; init; }
    /// <summary><c>sequential</c> or <c>parallelN</c>.</summary>
    public required string Variant { get; init; }
    /// <summary>The most tokens each case may generate (short answers).</summary>
    public int MaxTokens { get; init; }
    /// <summary>Nanoseconds of each measured repetition (all cases), as BenchmarkDotNet measured it.</summary>
    public required IReadOnlyList<double> SamplesNs { get; init; }
    /// <summary>Cases per second of each measured repetition.</summary>
    public required IReadOnlyList<double> SamplesCasesPerSecond { get; init; }
    /// <summary>Mean of <see cref="SamplesCasesPerSecond"/>.</summary>
    public double AvgCasesPerSecond { get; init; }
    /// <summary>Sample (N−1) standard deviation of <see cref="SamplesCasesPerSecond"/>.</summary>
    public double StddevCasesPerSecond { get; init; }
    /// <summary>Tokens generated over all cases in each repetition.</summary>
    public required IReadOnlyList<int> GeneratedTokens { get; init; }
    /// <summary>Mean generated tokens per second over the repetitions.</summary>
    public double AvgGeneratedTokensPerSecond { get; init; }
    /// <summary>For parallel rows: <see cref="AvgCasesPerSecond"/> divided by the sequential row's; null otherwise.</summary>
    public double? SpeedupOverSequential { get; init; }
    /// <summary>For parallel rows: whether every case's text equals the sequential row's (greedy decoding); null otherwise.</summary>
    public bool? IdenticalToSequential { get; init; }
    /// <summary>For parallel rows: how many cases' texts differ from the sequential row's.</summary>
    public int? DifferingCases { get; init; }
}
