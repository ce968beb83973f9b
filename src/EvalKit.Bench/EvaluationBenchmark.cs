using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using EvalKit.Bench.Internal;
using EvalKit.Core.Backends;
using EvalKit.Llama;

namespace EvalKit.Bench;

/// <summary>
/// The BenchmarkDotNet benchmark behind the evaluation-throughput rows of <see cref="BenchRunner"/>: one invocation
/// answers every case of one <see cref="EvalThroughputCase"/> with greedy decoding, through the backend calls the
/// runner makes (<see cref="LlamaBackend.GenerateAsync(GenerationRequest, CancellationToken)"/> per case, or
/// <see cref="LlamaBackend.GenerateBatchAsync"/> per group of <see cref="EvalThroughputCase.Parallel"/> cases).
/// Public and unsealed because BenchmarkDotNet requires it; run it through <see cref="BenchRunner"/>.
/// </summary>
public class EvaluationBenchmark
{
    // The in-process toolchain runs this class in the caller's process, so the plan and what each repetition
    // produced travel through static state.
    internal static IReadOnlyList<EvalThroughputCase> Plan { get; set; } = [];

    /// <summary>Per case key: the generated tokens of each repetition, and the texts of the last one.</summary>
    internal static ConcurrentDictionary<string, (List<int> Tokens, IReadOnlyList<string> Texts)> Outputs { get; } = new();

    internal static FailureLog Failures { get; } = new();

    private LlamaBackend? _backend;
    private IReadOnlyList<GenerationRequest> _requests = [];

    public static IEnumerable<EvalThroughputCase> Cases() => Plan;

    [ParamsSource(nameof(Cases))]
    public EvalThroughputCase Case { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _requests = EvalPrompts.Create(Case.Cases, Case.MaxTokens);
        _backend = Failures.Recording(Case.Key, () => LlamaBackend.LoadAsync(new LlamaModelOptions(Case.ModelPath)
        {
            Threads = Case.Threads,
            ContextSize = EvalPrompts.ContextSize(Case.MaxTokens),
            Device = Case.Device,
            NativeLibraryDirectory = Case.NativeLibraryDirectory,
        }).GetAwaiter().GetResult());
    }

    [Benchmark]
    public void Answer()
    {
        var backend = _backend ?? throw new InvalidOperationException("Setup did not run.");
        var completions = Failures.Recording(Case.Key, () => Case.Parallel == 1
            ? _requests.Select(r => backend.GenerateAsync(r).GetAwaiter().GetResult()).ToList()
            : _requests.Chunk(Case.Parallel).SelectMany(group => backend.GenerateBatchAsync(group).GetAwaiter().GetResult()).ToList());
        var tokens = completions.Sum(c => c.CompletionTokens);
        Outputs.AddOrUpdate(Case.Key, _ => ([tokens], Texts(completions)), (_, old) => ([.. old.Tokens, tokens], Texts(completions)));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _backend?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _backend = null;
    }

    private static List<string> Texts(IEnumerable<Completion> completions) => [.. completions.Select(c => c.Text)];
}
